package org.latentcadx.trainer.train;

import org.latentcadx.trainer.data.PatchBatch;

/**
 * Running means of how predicted masks (thresholded at 0.5) agree with the truth on lesion patches:
 * IoU with the latent lesion (where known) and IOP = |P ∩ A| / |P| with the outline A (where P is
 * not empty).
 */
final class MaskAgreement {
  private static final float THRESHOLD = 0.5f;

  private double latentIouSum;
  private int latentIouCount;
  private double iopSum;
  private int iopCount;

  /** Adds the lesion patches of {@code batch} with their predicted {@code masks} [B, T, T]. */
  void add(PatchBatch batch, float[] masks) {
    int plane = batch.tileSize() * batch.tileSize();
    for (int b = 0; b < batch.size(); b++) {
      if (batch.labels()[b] < 0.5f) {
        continue;
      }
      int predicted = 0, predictedInOutline = 0, latent = 0, latentIntersection = 0;
      for (int p = b * plane; p < (b + 1) * plane; p++) {
        boolean positive = masks[p] > THRESHOLD;
        boolean inLatent = batch.latentMasks()[p] > 0.5f;
        predicted += positive ? 1 : 0;
        predictedInOutline += positive && batch.outlineMasks()[p] > 0.5f ? 1 : 0;
        latent += inLatent ? 1 : 0;
        latentIntersection += positive && inLatent ? 1 : 0;
      }
      if (predicted > 0) {
        iopSum += (double) predictedInOutline / predicted;
        iopCount++;
      }
      int union = predicted + latent - latentIntersection;
      if (batch.latentKnown()[b] && union > 0) {
        latentIouSum += (double) latentIntersection / union;
        latentIouCount++;
      }
    }
  }

  /** Mean IoU with the latent lesion; NaN when no lesion patch had a known latent mask. */
  double latentIou() {
    return latentIouCount == 0 ? Double.NaN : latentIouSum / latentIouCount;
  }

  /** Mean IOP with the outline; NaN when no lesion patch had a non-empty prediction. */
  double iop() {
    return iopCount == 0 ? Double.NaN : iopSum / iopCount;
  }
}
