package org.latentcadx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.testing.Oracles;
import org.latentcadx.sdk.testing.Processes;

/**
 * --version (and the JPEG 2000 decoder it names), the bundled model index, shell completion and argument
 * files ({@code @argfiles}).
 */
class ConventionsTest {

  @TempDir Path dir;

  @Test
  void versionNamesTheBuildOnnxRuntimeJavaAndTheBundledModels() {
    CliRun run = CliRun.of("--version");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out().lines().toList()).hasSize(5);
    assertThat(run.out())
        .startsWith("latentcadx ")
        .contains("ONNX Runtime 1.")
        .contains("Java " + System.getProperty("java.version"))
        .contains("bundled models: latentcadx-lite 1.0.0, baseline-lite 1.0.0")
        .contains("JPEG 2000 decoder: JJ2000"); // in process: the SDK's default
  }

  @Test
  void theCommandDecodesJpeg2000WithGrokUnlessToldOtherwise() throws Exception {
    Oracles.require(grokInstalled(), "Grok (Debian's libgrokj2k1)");
    Processes.Result byDefault = ForkedCli.run(Duration.ofMinutes(1), List.of(), "--version");
    Processes.Result toldOtherwise =
        ForkedCli.run(Duration.ofMinutes(1), List.of("-Dlatentcadx.jpeg2000=jj2000"), "--version");

    assertThat(byDefault.output()).contains("JPEG 2000 decoder: Grok 10.");
    assertThat(toldOtherwise.output()).contains("JPEG 2000 decoder: JJ2000");
  }

  private static boolean grokInstalled() throws IOException {
    try (Stream<Path> libraries = Files.list(Path.of("/usr/lib"))) {
      return libraries.anyMatch(folder -> Files.exists(folder.resolve("libgrokj2k.so.1")));
    }
  }

  @Test
  void theBundledModelIndexListsEveryBundledModelWithItsCard() {
    assertThat(BundledModels.names()).containsExactly("latentcadx-lite", "baseline-lite");
    for (String name : BundledModels.names()) {
      ClassLoader loader = getClass().getClassLoader();
      assertThat(loader.getResource("org/latentcadx/models/" + name + ".onnx")).as(name).isNotNull();
      assertThat(loader.getResource("org/latentcadx/models/" + name + ".md")).as(name + " card").isNotNull();
    }
    CliRun list = CliRun.of("inspect", "--list");
    assertThat(list.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(list.out()).contains("latentcadx-lite    1.0.0").contains("baseline-lite      1.0.0");
  }

  @Test
  void theBundledModelsSayWhatTheyAreFor() {
    CliRun inspect = CliRun.of("inspect", "--model", "latentcadx-lite");
    assertThat(inspect.out()).contains("use:        Research demonstration of LatentCADx, trained on synthetic"
        + " mammograms only: not evidence about real mammograms and not for clinical use.");
  }

  @Test
  void bashCompletionCoversTheSubCommands() {
    CliRun run = CliRun.of("generate-completion");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("complete -F").contains("score").contains("evaluate").contains("serve");
  }

  @Test
  void optionsCanComeFromAnArgumentFile() throws IOException {
    Path args = Files.writeString(dir.resolve("args.txt"), "inspect\n--list\n");
    CliRun run = CliRun.of("@" + args);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("latentcadx-lite");
  }
}
