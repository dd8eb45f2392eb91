package org.latentcadx.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics goldens are what scikit-learn computes today from their inputs: tools/sklearn_goldens.py
 * re-run on a copy of the inputs rewrites the committed outputs byte for byte. Skipped without
 * /usr/bin/python3 and its scikit-learn and onnx packages.
 */
class SklearnGoldensAreCurrentTest {

  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SCRIPT = Path.of("tools/sklearn_goldens.py");
  private static final String CASE = "lite-seed/metrics_small";

  @Test
  void rerunningScikitLearnReproducesTheMetricsGoldens(@TempDir Path dir) throws Exception {
    assumeTrue(
        Files.isExecutable(PYTHON) && run(PYTHON.toString(), "-c", "import sklearn, onnx") == 0,
        "needs /usr/bin/python3 with python3-sklearn and python3-onnx");
    GoldenFiles goldens = GoldenFiles.bundled();
    Path data = Files.createDirectories(dir.resolve("test_data_set_0"));
    for (int k = 0; k < 3; k++) {
      Files.write(data.resolve("input_" + k + ".pb"), goldens.read(GoldenFormat.input(CASE, 0, k)));
    }

    assertThat(run(PYTHON.toString(), SCRIPT.toAbsolutePath().toString(), dir.toString())).isZero();

    for (int k = 0; k < MetricsCaseRunner.OUTPUTS.size(); k++) {
      assertThat(Files.readAllBytes(data.resolve("output_" + k + ".pb")))
          .as(MetricsCaseRunner.OUTPUTS.get(k))
          .isEqualTo(goldens.read(GoldenFormat.output(CASE, 0, k)));
    }
  }

  private static int run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().transferTo(System.out);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return process.exitValue();
  }
}
