package org.latentcadx.sdk.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.testing.Oracles;

/**
 * Re-runs the fixture script with Debian's Python and scikit-learn and fails when the committed
 * fixtures differ from its output beyond a relative 1e-12, key by key: another machine's numpy/scipy
 * may print the last digit of a float differently, which is not a difference in the oracle. Missing
 * Python or scikit-learn skips the test, or fails it under CI ({@link Oracles}).
 */
class FixturesAreCurrentTest {

  /** Relative tolerance for every number (plus an absolute floor for values near zero). */
  private static final double RELATIVE = 1e-12;

  private static final double ABSOLUTE = 1e-15;

  @Test
  void committedFixturesAgreeWithTheScriptsOutput(@TempDir Path output) throws Exception {
    Oracles.requirePython("sklearn", "numpy");
    Run script =
        run(List.of(Oracles.PYTHON.toString(), SklearnFixtures.SCRIPT.toString(), output.toString()));
    assertThat(script.exitCode()).as("%s failed:%n%s", SklearnFixtures.SCRIPT, script.output()).isZero();

    Path committed = SklearnFixtures.root();
    assertThat(names(output)).isEqualTo(names(committed));
    for (Path name : names(output)) {
      JsonNode expected = SklearnFixtures.read(committed.resolve(name));
      JsonNode actual = SklearnFixtures.read(output.resolve(name));
      List<String> differences = new ArrayList<>();
      compare("", expected, actual, differences);
      assertThat(differences)
          .as("%s disagrees with %s's output (committed with %s, now %s): regenerate and review it",
              name, SklearnFixtures.SCRIPT, expected.get("versions"), actual.get("versions"))
          .isEmpty();
    }
  }

  @Test
  void comparisonToleratesLastDigitsButNotRealDifferences() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> lastDigit = new ArrayList<>();
    compare("", json.readTree("{\"z\": [7.44812364099058e-05, 1]}"),
        json.readTree("{\"z\": [7.448123640990576e-05, 1]}"), lastDigit);
    assertThat(lastDigit).isEmpty();
    List<String> real = new ArrayList<>();
    compare("", json.readTree("{\"z\": [7.4481236e-05], \"n\": 3, \"s\": \"a\"}"),
        json.readTree("{\"z\": [7.4481237e-05], \"n\": 4, \"t\": \"a\"}"), real);
    assertThat(real).hasSize(4);
  }

  /**
   * Adds to {@code differences} every path where {@code actual} departs from {@code expected}: other
   * structure, keys, strings or integers, or numbers beyond the tolerance. Library versions are not
   * compared (the message reports them).
   */
  private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
    if (expected.isNumber() && actual.isNumber()) {
      double e = expected.doubleValue();
      double a = actual.doubleValue();
      if (!(Math.abs(a - e) <= ABSOLUTE + RELATIVE * Math.abs(e))) {
        differences.add(path + ": " + actual + ", expected " + expected);
      }
    } else if (expected.isObject() && actual.isObject()) {
      Set<String> keys = new TreeSet<>();
      expected.fieldNames().forEachRemaining(keys::add);
      actual.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        if (path.isEmpty() && key.equals("versions")) {
          continue;
        }
        if (!expected.has(key) || !actual.has(key)) {
          differences.add(path + "/" + key + (expected.has(key) ? ": missing" : ": unexpected"));
        } else {
          compare(path + "/" + key, expected.get(key), actual.get(key), differences);
        }
      }
    } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      for (int i = 0; i < expected.size(); i++) {
        compare(path + "[" + i + "]", expected.get(i), actual.get(i), differences);
      }
    } else if (!expected.equals(actual)) {
      differences.add(path + ": " + actual + ", expected " + expected);
    }
  }

  /** Relative paths of the files under {@code directory}. */
  private static List<Path> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).map(directory::relativize).sorted().toList();
    }
  }

  private record Run(int exitCode, String output) {}

  private static Run run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    boolean finished = process.waitFor(2, TimeUnit.MINUTES);
    assertThat(finished).as("%s finished within 2 minutes", command).isTrue();
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
