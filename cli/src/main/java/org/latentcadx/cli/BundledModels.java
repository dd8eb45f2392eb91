package org.latentcadx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The models bundled in the {@code latentcadx-onnx-models} JAR, from its index. */
public final class BundledModels {

  private static final String INDEX = "org/latentcadx/models/models.txt";

  private BundledModels() {}

  /** The bundled model names, in the index's order; empty when the models JAR is not on the class path. */
  public static List<String> names() {
    try (InputStream in = BundledModels.class.getClassLoader().getResourceAsStream(INDEX)) {
      if (in == null) {
        return List.of();
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + INDEX, e);
    }
  }
}
