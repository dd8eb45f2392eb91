package org.latentcadx.trainer.onnx;

import java.util.SplittableRandom;
import org.latentcadx.trainer.model.FloatArray;

/** Patch batches [N, T, T, 1] for parity tests. */
final class TestPatches {
  private TestPatches() {}

  /** Uniform noise, then a bright blurred disk (a synthetic lesion) on a noisy tissue background. */
  static FloatArray randomAndLesion(int tile, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[2 * tile * tile];
    for (int i = 0; i < tile * tile; i++) {
      values[i] = (float) random.nextDouble();
    }
    double c = tile / 2.0;
    double radius = tile / 8.0;
    for (int y = 0; y < tile; y++) {
      for (int x = 0; x < tile; x++) {
        double r = Math.hypot(x - c, y - c);
        double lesion = 0.5 / (1 + Math.exp((r - radius) / 3));
        values[tile * tile + y * tile + x] =
            (float) Math.min(1, 0.3 + lesion + 0.05 * random.nextGaussian());
      }
    }
    return new FloatArray(new long[] {2, tile, tile, 1}, values);
  }
}
