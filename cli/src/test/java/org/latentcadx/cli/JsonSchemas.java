package org.latentcadx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.latentcadx.sdk.testing.Oracles;
import org.latentcadx.sdk.testing.Processes;

/** Checks JSON the commands write against the schemas they ship, with python3-jsonschema. */
public final class JsonSchemas {

  public static final String SCORE = "latentcadx-score-1.schema.json";
  public static final String EVALUATE = "latentcadx-evaluate-1.schema.json";
  private static final Path SCHEMAS = Path.of("src/main/resources/org/latentcadx/cli/schemas");
  private static final Path VALIDATOR = Path.of("src/test/fixtures/validate_json_schema.py");

  private JsonSchemas() {}

  /** The violations of {@code files} against {@code schema}, one line each (empty: valid). */
  public static String violations(String schema, Path... files) throws Exception {
    Oracles.requirePython("jsonschema");
    List<String> command = new ArrayList<>(List.of(Oracles.PYTHON.toString(), VALIDATOR.toString(),
        SCHEMAS.resolve(schema).toString()));
    for (Path file : files) {
      command.add(file.toString());
    }
    Processes.Result result = Processes.run(Duration.ofMinutes(1), command);
    assertThat(result.exitCode()).as(result.output()).isIn(0, 1);
    return result.output().strip();
  }

  /** Asserts that {@code files} follow {@code schema}. */
  public static void assertValid(String schema, Path... files) throws Exception {
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      assertThat(file).isRegularFile();
    }
    assertThat(violations(schema, files)).isEmpty();
  }

  /** The score results (not timings) under {@code folder}. */
  public static Path[] scoreResults(Path folder) throws Exception {
    try (var walk = Files.walk(folder)) {
      return walk.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".timings.json"))
          .toArray(Path[]::new);
    }
  }
}
