package org.latentcadx.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchStoreTest {

  private static final int TILE = 8;
  private static final int CONTEXT = 12;

  @TempDir Path dir;

  @Test
  void roundTripsPatchesAndSelectsByFold() throws IOException {
    try (PatchStoreWriter writer = PatchStoreWriter.create(dir, TILE, CONTEXT, 3)) {
      writer.add(patch(new PatchRecord(0, LesionType.MASS, Pathology.MALIGNANT, "P_1", "a.png", 5, 6, true), 0.25f));
      writer.add(patch(new PatchRecord(2, LesionType.NORMAL, Pathology.NONE, "P_2", "b.png", 7, 8, false), 0.5f));
      writer.add(patch(new PatchRecord(1, LesionType.CALCIFICATION, Pathology.BENIGN, "P_3", "c.png", 1, 2, false), 1f));
    }
    PatchStore store = PatchStore.open(dir);

    assertThat(store.size()).isEqualTo(3);
    assertThat(store.folds()).isEqualTo(3);
    assertThat(store.record(1).patientId()).isEqualTo("P_2");
    assertThat(store.indicesInFolds(0, 1)).containsExactly(0, 2);
    assertThat(store.indicesExcludingFolds(0)).containsExactly(1, 2);
    Patch first = store.patch(0);
    assertThat(first.image()[CONTEXT + 3]).isCloseTo(0.25f + 3 * 0.001f, org.assertj.core.data.Offset.offset(1e-5f));
    assertThat(first.outline()[CONTEXT * 6 + 6]).isEqualTo((byte) 1);
    assertThat(first.outline()[0]).isEqualTo((byte) 0);
  }

  @Test
  void batchesAreNchwCentreTilesWithLabels() throws IOException {
    try (PatchStoreWriter writer = PatchStoreWriter.create(dir, TILE, CONTEXT, 1)) {
      writer.add(patch(new PatchRecord(0, LesionType.MASS, Pathology.BENIGN, "P_1", "a.png", 0, 0, true), 0.1f));
      writer.add(patch(new PatchRecord(0, LesionType.NORMAL, Pathology.NONE, "P_1", "a.png", 0, 0, false), 0.2f));
    }
    PatchStore store = PatchStore.open(dir);

    PatchBatch batch = store.batch(new int[] {1, 0}, Augmentation.none(), new Random(1));

    assertThat(batch.imageShape()).containsExactly(2, 1, TILE, TILE);
    assertThat(batch.labels()).containsExactly(0f, 1f);
    assertThat(batch.latentKnown()).containsExactly(false, true);
    int margin = (CONTEXT - TILE) / 2;
    Patch second = store.patch(1);
    for (int y = 0; y < TILE; y++) {
      for (int x = 0; x < TILE; x++) {
        assertThat(batch.images()[y * TILE + x]).isEqualTo(second.image()[(y + margin) * CONTEXT + x + margin]);
      }
    }
    assertThat(batch.outlineMasks()[TILE * TILE + 2 * TILE + 2]).isEqualTo(1f);
  }

  @Test
  void shuffledBatchesCoverEveryIndexOnce() {
    var batches = PatchStore.shuffledBatches(new int[] {4, 5, 6, 7, 8}, 2, new Random(3));

    assertThat(batches).hasSize(3);
    assertThat(batches.stream().flatMapToInt(java.util.Arrays::stream).sorted().toArray())
        .containsExactly(4, 5, 6, 7, 8);
  }

  @Test
  void refusesTruncatedDataFile() throws IOException {
    try (PatchStoreWriter writer = PatchStoreWriter.create(dir, TILE, CONTEXT, 1)) {
      writer.add(patch(new PatchRecord(0, LesionType.MASS, Pathology.BENIGN, "P_1", "a.png", 0, 0, true), 0.1f));
    }
    Files.write(dir.resolve("patches.bin"), new byte[10]);

    assertThatThrownBy(() -> PatchStore.open(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("10 bytes, expected " + 4 * CONTEXT * CONTEXT);
  }

  /** A patch whose image rises by 0.001 per column from {@code base}, with a 4×4 outline at (4..7, 4..7). */
  private static Patch patch(PatchRecord record, float base) {
    int n = CONTEXT * CONTEXT;
    float[] image = new float[n];
    byte[] outline = new byte[n];
    byte[] latent = new byte[n];
    for (int y = 0; y < CONTEXT; y++) {
      for (int x = 0; x < CONTEXT; x++) {
        image[y * CONTEXT + x] = Math.min(1f, base + x * 0.001f);
        outline[y * CONTEXT + x] = (byte) (x >= 4 && x < 8 && y >= 4 && y < 8 ? 1 : 0);
      }
    }
    return new Patch(record, CONTEXT, image, outline, latent);
  }
}
