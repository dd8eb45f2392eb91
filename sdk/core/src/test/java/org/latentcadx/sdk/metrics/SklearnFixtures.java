package org.latentcadx.sdk.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The oracle fixtures written by src/test/fixtures/sklearn_fixtures.py. */
final class SklearnFixtures {

  /** The generator, found from the module's folder (Surefire's {@code basedir}). */
  static final Path SCRIPT =
      Path.of(System.getProperty("basedir", ".")).resolve(Path.of("src", "test", "fixtures", "sklearn_fixtures.py"));

  private SklearnFixtures() {}

  /** The folder the script writes, holding classification/ and segmentation/. */
  static Path root() {
    try {
      return Path.of(SklearnFixtures.class.getResource("oracle").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path classification(String name) {
    return root().resolve("classification").resolve(name);
  }

  static JsonNode segmentation(String name) {
    return read(root().resolve("segmentation").resolve(name));
  }

  static List<Path> classificationFiles() throws IOException {
    try (Stream<Path> files = Files.list(root().resolve("classification"))) {
      return files.sorted().toList();
    }
  }

  static JsonNode read(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int[] labels(JsonNode fixture) {
    return ints(fixture.get("labels"));
  }

  static double[] scores(JsonNode fixture) {
    return doubles(fixture.get("scores"));
  }

  static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).doubleValue();
    }
    return values;
  }

  static int[] ints(JsonNode array) {
    int[] values = new int[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).intValue();
    }
    return values;
  }
}
