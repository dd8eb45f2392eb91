package org.latentcadx.trainer.train;

import java.util.Arrays;
import org.latentcadx.sdk.metrics.MaskOverlap;
import org.latentcadx.sdk.metrics.SegmentationSettings;
import org.latentcadx.trainer.data.PatchBatch;

/**
 * Running means of how predicted masks agree with the truth on lesion patches, by the SDK's rule ({@link
 * MaskOverlap}, a pixel is predicted when its probability is at least 0.5): IoU with the latent lesion
 * (where known, and where prediction or lesion is not empty) and IOP = |P ∩ A| / |P| with the outline A
 * (where P is not empty).
 */
final class MaskAgreement {

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
      float[] prediction = Arrays.copyOfRange(masks, b * plane, (b + 1) * plane);
      MaskOverlap outline = MaskOverlap.of(
          prediction, Arrays.copyOfRange(batch.outlineMasks(), b * plane, (b + 1) * plane), SegmentationSettings.DEFAULT);
      if (outline.predicted() > 0) {
        iopSum += outline.iop();
        iopCount++;
      }
      if (batch.latentKnown()[b]) {
        MaskOverlap latent = MaskOverlap.of(
            prediction, Arrays.copyOfRange(batch.latentMasks(), b * plane, (b + 1) * plane), SegmentationSettings.DEFAULT);
        if (latent.union() > 0) {
          latentIouSum += latent.iou();
          latentIouCount++;
        }
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
