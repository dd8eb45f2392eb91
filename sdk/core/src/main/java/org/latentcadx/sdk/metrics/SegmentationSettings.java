package org.latentcadx.sdk.metrics;

import java.util.List;
import java.util.Objects;

/**
 * How segmentation masks are scored.
 *
 * @param threshold a predicted pixel belongs to the mask P when its probability is at least this
 *     (default 0.5)
 * @param confusedMargin ε: a pixel is "confused" when its probability lies in the open interval
 *     (0.5 − ε, 0.5 + ε) (default 0.2)
 * @param iouThresholds IoU at or above which a detection is a true positive, one AP each (default 0.3,
 *     0.5, 0.7 as in the paper)
 * @param componentScore the score of a connected component in the per-lesion mode (default its maximum
 *     probability)
 */
public record SegmentationSettings(
    double threshold, double confusedMargin, List<Double> iouThresholds, ComponentScore componentScore) {

  /** The paper's settings. */
  public static final SegmentationSettings DEFAULT =
      new SegmentationSettings(0.5, 0.2, List.of(0.3, 0.5, 0.7), ComponentScore.MAX);

  /** How a connected component of the predicted mask is scored in the per-lesion mode. */
  public enum ComponentScore {
    /** The highest probability inside the component. */
    MAX,
    /** The mean probability over the component's pixels. */
    MEAN
  }

  /** Validates the ranges and copies the thresholds. */
  public SegmentationSettings {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("mask threshold must be in (0, 1), got " + threshold);
    }
    if (!(confusedMargin > 0 && confusedMargin <= 0.5)) {
      throw new IllegalArgumentException("confused margin must be in (0, 0.5], got " + confusedMargin);
    }
    iouThresholds = List.copyOf(iouThresholds);
    if (iouThresholds.isEmpty()) {
      throw new IllegalArgumentException("at least one IoU threshold is needed");
    }
    for (double t : iouThresholds) {
      if (!(t > 0 && t <= 1)) {
        throw new IllegalArgumentException("IoU thresholds must be in (0, 1], got " + t);
      }
    }
    Objects.requireNonNull(componentScore, "componentScore");
  }
}
