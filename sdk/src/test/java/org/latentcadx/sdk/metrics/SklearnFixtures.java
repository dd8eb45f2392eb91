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

/** The scikit-learn oracle fixtures written by conformance-tests/tools/sklearn_fixtures.py. */
final class SklearnFixtures {

  static final String RESOURCE_DIRECTORY = "sklearn";
  static final Path SCRIPT = Path.of("..", "conformance-tests", "tools", "sklearn_fixtures.py");

  private SklearnFixtures() {}

  static Path directory() {
    try {
      return Path.of(SklearnFixtures.class.getResource(RESOURCE_DIRECTORY).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(directory())) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
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
