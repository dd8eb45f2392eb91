package org.latentcadx.conformance.regenerate;

import java.util.SplittableRandom;

/** The model-input patches of the patch cases, values in [0, 1], deterministic. */
enum Patches {
  /** Uniform noise. */
  NOISE,
  /** Tissue-like background with a bright blurred disk in the middle. */
  LESION,
  /** A constant grey. */
  FLAT,
  /** A left-to-right ramp from 0 to 1. */
  GRADIENT;

  float[] draw(int tile) {
    SplittableRandom random = new SplittableRandom(ordinal() + 17L);
    float[] values = new float[tile * tile];
    double c = tile / 2.0;
    for (int y = 0; y < tile; y++) {
      for (int x = 0; x < tile; x++) {
        values[y * tile + x] =
            (float)
                switch (this) {
                  case NOISE -> random.nextDouble();
                  case LESION ->
                      Math.max(
                          0,
                          Math.min(
                              1,
                              0.35 + 0.1 * Math.sin(x / 9.0) * Math.cos(y / 13.0)
                              + 0.45 / (1 + Math.exp((Math.hypot(x - c, y - c) - tile / 10.0) / 3))
                                  + 0.03 * random.nextGaussian()));
                  case FLAT -> 0.4;
                  case GRADIENT -> x / (tile - 1.0);
                };
      }
    }
    return values;
  }
}
