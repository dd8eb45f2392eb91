package org.latentcadx.trainer.eval;

import java.util.Arrays;
import org.latentcadx.sdk.metrics.MaskOverlap;
import org.latentcadx.sdk.metrics.SegmentationSettings;

/**
 * How one predicted mask on a lesion patch agrees with the truth, at one mask threshold.
 *
 * @param latentIou IoU of the thresholded mask with the latent (true) lesion
 * @param latentIop |P ∩ latent| / |P|; NaN when nothing is predicted
 * @param outlineIou IoU with the hand-drawn outline
 * @param hullIou IoU with the convex hull of the latent lesion (for calcifications, the cluster)
 * @param hullIop |P ∩ hull| / |P|; NaN when nothing is predicted
 * @param confused pixels with a mask value in (0.3, 0.7)
 * @param pixelAuc probability that a latent-lesion pixel's mask value beats that of an in-outline pixel
 *     outside the lesion (ties count half); NaN when either set is empty
 */
record LesionMaskScores(
    double latentIou,
    double latentIop,
    double outlineIou,
    double hullIou,
    double hullIop,
    long confused,
    double pixelAuc) {

  /** IoU of {@code mask} thresholded at {@code threshold} with {@code outline}. */
  static double outlineIou(float[] mask, float[] outline, double threshold) {
    return MaskOverlap.of(mask, outline, settings(threshold)).iou();
  }

  private static SegmentationSettings settings(double threshold) {
    SegmentationSettings d = SegmentationSettings.DEFAULT;
    return new SegmentationSettings(threshold, d.confusedMargin(), d.iouThresholds(), d.componentScore());
  }

  /** The scores of {@code mask} against {@code outline}, {@code latent} and {@code hull} at {@code threshold}. */
  static LesionMaskScores of(
      float[] mask, float[] outline, float[] latent, float[] hull, double threshold) {
    SegmentationSettings settings = settings(threshold);
    MaskOverlap toLatent = MaskOverlap.of(mask, latent, settings);
    MaskOverlap toHull = MaskOverlap.of(mask, hull, settings);
    return new LesionMaskScores(
        toLatent.iou(),
        toLatent.iop(),
        MaskOverlap.of(mask, outline, settings).iou(),
        toHull.iou(),
        toHull.iop(),
        toLatent.confused(),
        pixelAuc(mask, outline, latent));
  }

  /** Mann–Whitney AUC of latent pixels against in-outline non-latent pixels. */
  static double pixelAuc(float[] mask, float[] outline, float[] latent) {
    int positives = 0;
    int negatives = 0;
    for (int p = 0; p < mask.length; p++) {
      if (latent[p] > 0.5f) {
        positives++;
      } else if (outline[p] > 0.5f) {
        negatives++;
      }
    }
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    float[] pos = new float[positives];
    float[] neg = new float[negatives];
    for (int p = 0, i = 0, j = 0; p < mask.length; p++) {
      if (latent[p] > 0.5f) {
        pos[i++] = mask[p];
      } else if (outline[p] > 0.5f) {
        neg[j++] = mask[p];
      }
    }
    Arrays.sort(neg);
    double wins = 0;
    for (float v : pos) {
      int below = lowerBound(neg, v);
      int atOrBelow = upperBound(neg, v);
      wins += below + 0.5 * (atOrBelow - below);
    }
    return wins / ((double) positives * negatives);
  }

  private static int lowerBound(float[] sorted, float v) {
    int lo = 0, hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int upperBound(float[] sorted, float v) {
    int lo = 0, hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
