package org.latentcadx.sdk.metrics;

/** What counts as one detection for segmentation AP. */
public enum DetectionMode {
  /**
   * As in the paper: each positive sample (non-empty reference) is one detection, its whole predicted
   * mask, ranked by the sample's class probability and a true positive when its IoU with the reference
   * is at least the IoU threshold; one ground truth per positive sample.
   */
  PER_SAMPLE,
  /**
   * Each 8-connected component of a thresholded prediction (negatives included) is a detection scored
   * by {@link SegmentationSettings#componentScore()}; each connected component of a reference is a
   * ground truth; detections are matched greedily (see {@link SegmentationMetrics}).
   */
  PER_LESION
}
