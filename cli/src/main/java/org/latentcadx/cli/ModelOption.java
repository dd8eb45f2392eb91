package org.latentcadx.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.latentcadx.sdk.ModelSource;

/** The {@code --model} option shared by the sub-commands: a bundled model name or an ONNX file path. */
public final class ModelOption {

  /** The bundled model used when {@code --model} is not given. */
  public static final String DEFAULT = "latentcadx";

  /** Help text of the option. */
  public static final String DESCRIPTION =
      "Bundled model name or path of an .onnx file (default: ${DEFAULT-VALUE}, the bundled"
          + " LatentCADx model).";

  private ModelOption() {}

  /**
   * The model source {@code value} names: a file when it exists, ends in {@code .onnx} or contains a
   * path separator; otherwise a bundled model name.
   */
  public static ModelSource source(String value) {
    boolean looksLikePath =
        value.contains("/")
            || value.contains("\\")
            || value.toLowerCase(Locale.ROOT).endsWith(".onnx")
            || Files.exists(Path.of(value));
    return looksLikePath ? ModelSource.path(Path.of(value)) : ModelSource.classpath(value);
  }
}
