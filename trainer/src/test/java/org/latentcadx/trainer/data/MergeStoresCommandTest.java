package org.latentcadx.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.trainer.train.TinyData;
import picocli.CommandLine;

class MergeStoresCommandTest {

  @Test
  void addedPatchesGoToTrainingFoldsAndTheBaseStoreIsKept(@TempDir Path dir) throws Exception {
    PatchStore base = TinyData.store(dir.resolve("base"), 6, 1, 64);
    PatchStore extra = TinyData.store(dir.resolve("extra"), 8, 2, 64);
    Path merged = dir.resolve("merged");

    int exit =
        new CommandLine(new MergeStoresCommand())
            .execute("--store", dir.resolve("base").toString(), "--add", dir.resolve("extra").toString(),
                "--validation-fold", "1", "--output", merged.toString());

    assertThat(exit).isZero();
    PatchStore result = PatchStore.open(merged);
    assertThat(result.size()).isEqualTo(14);
    assertThat(result.records().subList(0, 6)).isEqualTo(base.records());
    assertThat(result.indicesInFolds(1)).isEqualTo(base.indicesInFolds(1));
    List<PatchRecord> added = result.records().subList(6, 14);
    for (int i = 0; i < added.size(); i++) {
      PatchRecord before = extra.record(i);
      assertThat(added.get(i).fold()).isZero();
      assertThat(added.get(i).patientId()).isEqualTo("extra/" + before.patientId());
      assertThat(added.get(i).type()).isEqualTo(before.type());
      assertThat(result.patch(6 + i).image()).isEqualTo(extra.patch(i).image());
      assertThat(result.patch(6 + i).latent()).isEqualTo(extra.patch(i).latent());
    }
  }

  @Test
  void aStoreOfOtherWindowsIsRefusedAndNoStoreIsLeft(@TempDir Path dir) throws Exception {
    TinyData.store(dir.resolve("base"), 4, 1, 64);
    TinyData.store(dir.resolve("extra"), 4, 2, 32);
    Path merged = dir.resolve("merged");

    int exit =
        new CommandLine(new MergeStoresCommand())
            .execute("--store", dir.resolve("base").toString(), "--add", dir.resolve("extra").toString(),
                "--output", merged.toString());

    assertThat(exit).isNotZero();
    assertThat(merged.resolve(StoreIndex.INDEX_FILE)).doesNotExist();
  }
}
