package org.latentcadx.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.testing.Oracles;

/**
 * The metrics goldens are what scikit-learn computes today from their inputs: tools/sklearn_goldens.py
 * re-run on a copy of the inputs gives the committed outputs within a relative 1e-12 (another machine's
 * numpy may differ in the last bits). Needs /usr/bin/python3 with scikit-learn and onnx: skipped
 * without them, failed under CI ({@link Oracles}).
 */
class SklearnGoldensAreCurrentTest {

  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SCRIPT = Path.of("tools/sklearn_goldens.py");
  private static final String CASE = "lite-seed/metrics_small";
  private static final Tolerance RERUN_TOLERANCE = new Tolerance(1e-12, 1e-15);

  @Test
  void rerunningScikitLearnReproducesTheMetricsGoldens(@TempDir Path dir) throws Exception {
    Oracles.requirePython("sklearn", "onnx");
    GoldenFiles goldens = GoldenFiles.bundled();
    Path data = Files.createDirectories(dir.resolve("test_data_set_0"));
    for (int k = 0; k < 3; k++) {
      Files.write(data.resolve("input_" + k + ".pb"), goldens.read(GoldenFormat.input(CASE, 0, k)));
    }

    assertThat(run(PYTHON.toString(), SCRIPT.toAbsolutePath().toString(), dir.toString())).isZero();

    for (int k = 0; k < MetricsCaseRunner.OUTPUTS.size(); k++) {
      String name = MetricsCaseRunner.OUTPUTS.get(k);
      Path output = data.resolve("output_" + k + ".pb");
      CheckResult check =
          TensorComparison.compare(
              CASE,
              name,
              TensorFiles.read(goldens.read(GoldenFormat.output(CASE, 0, k)), "golden " + name),
              TensorFiles.read(Files.readAllBytes(output), output.toString()),
              RERUN_TOLERANCE);
      assertThat(check.passed()).as(check.toString()).isTrue();
    }
  }

  private static int run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().transferTo(System.out);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return process.exitValue();
  }
}
