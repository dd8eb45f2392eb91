package org.latentcadx.trainer.train;

/**
 * Targets of the region-proposal head from outline masks. The tile is divided into an S×S grid of
 * cells (S = tile / 32, 8×8 for 256-pixel tiles). A cell is positive when the outline covers at least
 * {@value #MIN_COVERAGE} of its pixels; when the outline is not empty but covers no cell that much,
 * the cell it covers most is positive, so every lesion patch has at least one positive cell. Negative
 * patches have no positive cell.
 */
public final class RegionTargets {
  /** Fraction of a cell's pixels the outline must cover for the cell to be positive. */
  public static final double MIN_COVERAGE = 0.1;

  /** Pixels per cell edge: the encoder's total stride. */
  public static final int CELL = 32;

  private RegionTargets() {}

  /**
   * One-hot targets {@code [B, S, S, 2]} (channel 1 = lesion) for outlines {@code [B, T, T]} stored
   * row-major with values 0 or 1.
   */
  public static float[] oneHot(float[] outlines, int batch, int tile) {
    int cells = tile / CELL;
    float[] targets = new float[batch * cells * cells * 2];
    int[] covered = new int[cells * cells];
    for (int b = 0; b < batch; b++) {
      java.util.Arrays.fill(covered, 0);
      int base = b * tile * tile;
      for (int y = 0; y < tile; y++) {
        for (int x = 0; x < tile; x++) {
          if (outlines[base + y * tile + x] > 0.5f) {
            covered[(y / CELL) * cells + x / CELL]++;
          }
        }
      }
      int best = 0;
      for (int c = 1; c < covered.length; c++) {
        if (covered[c] > covered[best]) {
          best = c;
        }
      }
      for (int c = 0; c < covered.length; c++) {
        boolean positive =
            covered[c] >= MIN_COVERAGE * CELL * CELL || (c == best && covered[c] > 0);
        targets[((b * cells * cells) + c) * 2 + (positive ? 1 : 0)] = 1f;
      }
    }
    return targets;
  }
}
