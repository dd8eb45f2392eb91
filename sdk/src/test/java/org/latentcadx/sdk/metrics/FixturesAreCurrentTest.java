package org.latentcadx.sdk.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-runs the fixture script with Debian's Python and scikit-learn and fails when the committed
 * fixtures differ from its output. Skipped where /usr/bin/python3 or scikit-learn is missing, or where
 * scikit-learn's version differs from the one the fixtures record (a different version may legitimately
 * change the values; regenerate and review then).
 */
class FixturesAreCurrentTest {

  private static final Path PYTHON = Path.of("/usr/bin/python3");

  @Test
  void committedFixturesEqualTheScriptsOutput(@TempDir Path output) throws Exception {
    assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON);
    Run version = run(List.of(PYTHON.toString(), "-c", "import sklearn; print(sklearn.__version__)"));
    assumeTrue(version.exitCode() == 0, "scikit-learn is not installed for " + PYTHON);
    String installed = version.output().strip();
    String recorded =
        SklearnFixtures.read(SklearnFixtures.classification("random.json"))
            .get("versions").get("sklearn").textValue();
    assumeTrue(installed.equals(recorded),
        "fixtures were made with scikit-learn " + recorded + ", installed is " + installed);

    Run script = run(List.of(PYTHON.toString(), SklearnFixtures.SCRIPT.toString(), output.toString()));
    assertThat(script.exitCode()).as("%s failed:%n%s", SklearnFixtures.SCRIPT, script.output()).isZero();

    Path committed = SklearnFixtures.root();
    assertThat(names(output)).isEqualTo(names(committed));
    for (Path name : names(output)) {
      assertThat(Files.readString(committed.resolve(name), StandardCharsets.UTF_8))
          .as("%s is stale: regenerate it with %s", name, SklearnFixtures.SCRIPT)
          .isEqualTo(Files.readString(output.resolve(name), StandardCharsets.UTF_8));
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
