package org.latentcadx.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConformanceCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new ConformanceCommand())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void passingGoldensFromAFolderExitZeroWithATable() {
    int exit = run("--goldens", "src/main/resources/" + GoldenFiles.CLASSPATH_ROOT, "--model", "lite-seed");

    assertThat(exit).as(out + "\n" + err).isZero();
    assertThat(out.toString())
        .startsWith("ONNX Runtime ")
        .contains("CASE", "CHECK", "RESULT", "DETAIL")
        .containsPattern("lite-seed/image_tall/test_data_set_0 +lesion_count +PASS")
        .containsPattern("(\\d+) checks, \\1 passed, 0 failed");
  }

  @Test
  void anUnknownSetOrDeviceIsAUsageError() {
    assertThat(run("--model", "no-such-set")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown golden set 'no-such-set'; available: [")
        .contains("lite-seed");
    assertThat(run("--device", "gpu")).isEqualTo(2);
    assertThat(err.toString()).contains("--device: 'gpu' is not a device; expected auto, cpu, cuda or cuda:N");
  }
}
