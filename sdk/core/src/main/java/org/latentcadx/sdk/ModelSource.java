package org.latentcadx.sdk;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a detector loads its ONNX model from: a file, or a model bundled on the classpath (the {@code
 * latentcadx-onnx-models} JAR puts model {@code <name>} at {@code org/latentcadx/models/<name>.onnx}).
 */
public sealed interface ModelSource {

  /** The classpath folder of bundled models. */
  String CLASSPATH_FOLDER = "org/latentcadx/models/";

  /** A model file. */
  static ModelSource path(Path file) {
    return new FileSource(file);
  }

  /**
   * A bundled model, looked up as resource {@code org/latentcadx/models/<name>.onnx} through the
   * thread's context class loader (or this library's class loader when there is none).
   *
   * @throws IllegalArgumentException if the name is not made of letters, digits, '.', '_' and '-'
   */
  static ModelSource classpath(String name) {
    return new BundledSource(name);
  }

  /** A short human-readable description, used in messages. */
  String description();

  /** A model file. */
  record FileSource(Path path) implements ModelSource {
    public FileSource {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String description() {
      return "model file " + path;
    }
  }

  /** A model bundled on the classpath under {@link #CLASSPATH_FOLDER}. */
  record BundledSource(String name) implements ModelSource {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public BundledSource {
      Objects.requireNonNull(name, "name");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "bundled model name '" + name + "' must match " + NAME.pattern());
      }
    }

    /** The classpath resource name of the model. */
    public String resourceName() {
      return CLASSPATH_FOLDER + name + ".onnx";
    }

    @Override
    public String description() {
      return "bundled model '" + name + "' (classpath resource " + resourceName() + ")";
    }
  }
}
