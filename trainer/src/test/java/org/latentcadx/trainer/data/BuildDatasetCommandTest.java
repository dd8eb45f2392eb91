package org.latentcadx.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BuildDatasetCommandTest {

  @TempDir Path dir;

  @Test
  void generatesBuildsAndPrintsCountsPerFoldAndType() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exit =
          new CommandLine(new BuildDatasetCommand())
              .execute(
                  "--cbis-root", dir.resolve("cbis").toString(), "--store", dir.resolve("store").toString(),
                  "--synthetic-patients", "3", "--size", "320x480", "--folds", "2", "--seed", "4");
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);

    assertThat(exit).isZero();
    assertThat(out).contains("generated 3 patients").contains("calcification").contains("normal");
    PatchStore store = PatchStore.open(dir.resolve("store"));
    assertThat(store.folds()).isEqualTo(2);
    assertThat(out).containsPattern("total\\s+\\d+\\s+\\d+\\s+\\d+\\s+" + store.size());
  }
}
