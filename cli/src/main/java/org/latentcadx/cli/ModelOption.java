package org.latentcadx.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.ModelSource;
import picocli.CommandLine.Option;

/**
 * The {@code --model} option of the sub-commands (a picocli mixin): a bundled model name or an ONNX
 * file path, and the detector it opens.
 */
public final class ModelOption {

  /** The bundled model used when {@code --model} is not given. */
  public static final String DEFAULT = "latentcadx-lite";

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      defaultValue = DEFAULT,
      description =
          "Bundled model name or path of an .onnx file (default: ${DEFAULT-VALUE}, the bundled"
              + " LatentCADx model).")
  private String model = DEFAULT;

  /**
   * The model source the option names: a file when it exists, ends in {@code .onnx} or contains a
   * path separator; otherwise a bundled model name.
   */
  public ModelSource source() {
    return sourceOf(model);
  }

  /** The model source a {@code --model} value names, by the rule of {@link #source()}. */
  public static ModelSource sourceOf(String model) {
    boolean looksLikePath =
        model.contains("/")
            || model.contains("\\")
            || model.toLowerCase(Locale.ROOT).endsWith(".onnx")
            || Files.exists(Path.of(model));
    return looksLikePath ? ModelSource.path(Path.of(model)) : ModelSource.classpath(model);
  }

  /**
   * Opens a detector for the model with the given options; a missing or invalid model, or options
   * the model or machine cannot take, are usage errors naming the SDK's error code.
   */
  public LesionDetector open(UnaryOperator<LesionDetector.Builder> options) throws UsageException {
    try {
      return options.apply(LesionDetector.builder(source())).build();
    } catch (LatentCadxException e) {
      throw new UsageException(e.code() + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }
}
