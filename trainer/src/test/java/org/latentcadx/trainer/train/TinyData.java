package org.latentcadx.trainer.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentcadx.trainer.data.Augmentation;
import org.latentcadx.trainer.data.LesionType;
import org.latentcadx.trainer.data.Patch;
import org.latentcadx.trainer.data.PatchRecord;
import org.latentcadx.trainer.data.PatchStore;
import org.latentcadx.trainer.data.PatchStoreWriter;
import org.latentcadx.trainer.data.Pathology;
import org.latentcadx.trainer.model.Architecture;

/** A tiny architecture (64-pixel tiles) and a small store of toy patches for fast tests. */
public final class TinyData {
  public static final Architecture TINY =
      new Architecture("tiny", 64, 4, List.of(1, 1, 1, 1), 4, List.of(8, 4, 4, 4, 4));

  private TinyData() {}

  /**
   * {@code count} patches of the tiny architecture's tile size in 2 folds, alternately lesion (a bright disk with a concentric outline 1.6
   * times wider) and normal (noise only).
   */
  static PatchStore store(Path directory, int count, long seed) throws IOException {
    return store(directory, count, seed, TINY.tileSize());
  }

  /** Like {@link #store(Path, int, long)} with tiles of {@code tile} pixels. */
  public static PatchStore store(Path directory, int count, long seed, int tile)
      throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    try (PatchStoreWriter writer = PatchStoreWriter.create(directory, tile, tile, 2)) {
      for (int i = 0; i < count; i++) {
        boolean lesion = i % 2 == 0;
        float[] image = new float[tile * tile];
        byte[] outline = new byte[tile * tile];
        byte[] latent = new byte[tile * tile];
        double cx = tile / 2.0 + random.nextInt(-8, 9);
        double cy = tile / 2.0 + random.nextInt(-8, 9);
        double r = random.nextDouble(4, 9);
        for (int y = 0; y < tile; y++) {
          for (int x = 0; x < tile; x++) {
            int p = y * tile + x;
            double d = Math.hypot(x - cx, y - cy);
            image[p] = (float) (0.3 + 0.1 * random.nextDouble());
            if (lesion && d <= r) {
              image[p] += 0.5f;
              latent[p] = 1;
            }
            if (lesion && d <= 1.6 * r) {
              outline[p] = 1;
            }
          }
        }
        PatchRecord record =
            new PatchRecord(
                (i / 2) % 2,
                lesion ? LesionType.MASS : LesionType.NORMAL,
                lesion ? Pathology.MALIGNANT : Pathology.NONE,
                "P_" + i,
                "toy.png",
                0,
                0,
                true);
        writer.add(new Patch(record, tile, image, outline, latent));
      }
    }
    return PatchStore.open(directory);
  }

  /**
   * One epoch per stage, batch 4, SGD with momentum at a high learning rate so a few steps show
   * progress, the paper's mask terms.
   */
  static TrainingConfig config(Objective objective) {
    return config(objective, MaskLoss.PAPER, Optimizer.SGD, 0, Map.of(Stage.R, 1, Stage.L1, 1, Stage.L2, 1));
  }

  /** Like {@link #config(Objective)} with the given mask loss, optimizer, lesion fraction and epochs. */
  static TrainingConfig config(
      Objective objective,
      MaskLoss maskLoss,
      Optimizer optimizer,
      double lesionFraction,
      Map<Stage, Integer> epochs) {
    return new TrainingConfig(
        TINY,
        objective,
        LossWeights.STATED_PRIORITY,
        maskLoss,
        epochs,
        4,
        lesionFraction,
        0,
        FaintLesionSampling.OFF,
        optimizer,
        optimizer == Optimizer.ADAM ? 0.01 : 0.05,
        10,
        0,
        0.9,
        1e-6,
        3,
        1,
        Augmentation.none());
  }
}
