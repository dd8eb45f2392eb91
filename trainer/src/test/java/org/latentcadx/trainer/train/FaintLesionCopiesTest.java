package org.latentcadx.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.trainer.data.LesionType;
import org.latentcadx.trainer.data.Patch;
import org.latentcadx.trainer.data.PatchRecord;
import org.latentcadx.trainer.data.PatchStore;
import org.latentcadx.trainer.data.PatchStoreWriter;
import org.latentcadx.trainer.data.Pathology;

class FaintLesionCopiesTest {
  private static final int SIZE = 16;

  @TempDir Path directory;

  /**
   * A lesion patch: a 4×4 latent square of grey {@code lesion} inside an 8×8 outline whose margin
   * alternates 0.2 and 0.4 (mean 0.3, standard deviation 0.1); background 0.3.
   */
  private static Patch lesion(LesionType type, float lesion, boolean latentKnown) {
    float[] image = new float[SIZE * SIZE];
    byte[] outline = new byte[SIZE * SIZE];
    byte[] latent = new byte[SIZE * SIZE];
    Arrays.fill(image, 0.3f);
    for (int y = 4; y < 12; y++) {
      for (int x = 4; x < 12; x++) {
        int p = y * SIZE + x;
        outline[p] = 1;
        boolean inside = y >= 6 && y < 10 && x >= 6 && x < 10;
        latent[p] = (byte) (inside && latentKnown ? 1 : 0);
        image[p] = inside ? lesion : (x + y) % 2 == 0 ? 0.2f : 0.4f;
      }
    }
    return new Patch(record(type, latentKnown), SIZE, image, outline, latent);
  }

  private static Patch normal() {
    int n = SIZE * SIZE;
    return new Patch(record(LesionType.NORMAL, true), SIZE, new float[n], new byte[n], new byte[n]);
  }

  private static PatchRecord record(LesionType type, boolean latentKnown) {
    return new PatchRecord(
        0, type, type == LesionType.NORMAL ? Pathology.NONE : Pathology.BENIGN, "P_1", "toy.png", 0, 0, latentKnown);
  }

  @Test
  void contrastToNoiseIsTheLesionsExcessOverTheMarginInMarginSpreads() {
    assertThat(LesionContrast.of(lesion(LesionType.MASS, 0.5f, true))).isCloseTo(2.0, within(1e-5));
    assertThat(LesionContrast.of(lesion(LesionType.MASS, 0.35f, true))).isCloseTo(0.5, within(1e-5));
  }

  @Test
  void withoutLatentTruthThereIsNoContrast() {
    assertThat(LesionContrast.of(lesion(LesionType.MASS, 0.5f, false))).isNaN();
  }

  @Test
  void theFaintestShareOfEachLesionTypeGetsTheWeight() throws IOException {
    // masses 0–7 with contrasts rising from 0.5 to 4.0, calcifications 8–11 falling, then 4 normals and
    // a mass without latent truth
    PatchStore store;
    try (PatchStoreWriter writer = PatchStoreWriter.create(directory, SIZE, SIZE, 1)) {
      for (int i = 0; i < 8; i++) {
        writer.add(lesion(LesionType.MASS, 0.35f + 0.05f * i, true));
      }
      for (int i = 0; i < 4; i++) {
        writer.add(lesion(LesionType.CALCIFICATION, 0.6f - 0.1f * i, true));
      }
      for (int i = 0; i < 4; i++) {
        writer.add(normal());
      }
      writer.add(lesion(LesionType.MASS, 0.31f, false));
    }
    store = PatchStore.open(directory);
    int[] all = IntStream.range(0, store.size()).toArray();

    FaintLesionCopies copies = FaintLesionCopies.of(store, all, new FaintLesionSampling(0.25, 3));

    assertThat(copies.copies()).containsExactly(3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1);
    assertThat(copies.summary()).contains("mass 2 of 8", "calcification 1 of 4");
    assertThat(FaintLesionCopies.of(store, all, FaintLesionSampling.OFF).copies()).containsOnly(1);
    int[] withoutFirstMasses = IntStream.range(2, store.size()).toArray();
    assertThat(FaintLesionCopies.of(store, withoutFirstMasses, new FaintLesionSampling(0.25, 3)).copies())
        .as("only training patches are ranked")
        .startsWith(1, 1, 3, 3, 1);
  }

  @Test
  void outOfRangeSettingsAreRefused() {
    assertThatThrownBy(() -> new FaintLesionSampling(1.5, 3)).hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> new FaintLesionSampling(0.25, 0)).hasMessageContaining("weight ≥ 1");
    assertThat(new FaintLesionSampling(0.25, 1).active()).isFalse();
    assertThat(new FaintLesionSampling(0.25, 3).describe()).isEqualTo("faintest 25.0 % of each lesion type ×3");
  }
}
