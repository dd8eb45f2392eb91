package org.latentcadx.sdk.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.latentcadx.sdk.metrics.DetectionAveragePrecision.Interpolation;

/**
 * Segmentation metrics of a set of samples against one kind of reference mask (annotation or true
 * lesion).
 *
 * <ul>
 *   <li>IoU, Dice, IOP and IOA are averaged over the positive samples (non-empty reference): a negative
 *       has no lesion to overlap. IOP is undefined for an empty prediction, and such samples are left out
 *       of its mean; each {@link Mean} says how many samples it averages. A mean over no sample is NaN.
 *   <li>Confused pixels are averaged over all samples.
 *   <li>Segmentation AP per {@link DetectionMode}, IoU threshold and {@link Interpolation}; NaN where
 *       the samples hold no ground truth. In the per-lesion mode a sample's components are matched
 *       greedily: by descending score, each takes the unmatched reference component of highest IoU,
 *       a true positive when that IoU reaches the threshold.
 * </ul>
 */
public final class SegmentationMetrics {

  /** A mean and how many values entered it. */
  public record Mean(double value, int count) {}

  private record ApKey(DetectionMode mode, double iouThreshold, Interpolation interpolation) {}

  private final int sampleCount;
  private final int positiveCount;
  private final Mean iou;
  private final Mean dice;
  private final Mean iop;
  private final Mean ioa;
  private final double meanConfusedPixels;
  private final Map<ApKey, Double> averagePrecisions;

  private SegmentationMetrics(List<SampleSummary> samples, SegmentationSettings settings) {
    List<MaskOverlap> positives =
        samples.stream().filter(SampleSummary::positive).map(SampleSummary::overlap).toList();
    this.sampleCount = samples.size();
    this.positiveCount = positives.size();
    this.iou = mean(positives, MaskOverlap::iou);
    this.dice = mean(positives, MaskOverlap::dice);
    this.iop = mean(positives, MaskOverlap::iop);
    this.ioa = mean(positives, MaskOverlap::ioa);
    this.meanConfusedPixels =
        samples.stream().mapToLong(s -> s.overlap().confused()).average().orElse(Double.NaN);
    List<SampleSummary> positiveSamples = samples.stream().filter(SampleSummary::positive).toList();
    Map<ApKey, Double> aps = new HashMap<>();
    for (double t : settings.iouThresholds()) {
      ApInput perSample = perSampleInput(positiveSamples, t);
      ApInput perLesion = perLesionInput(samples, t);
      for (Interpolation interpolation : Interpolation.values()) {
        aps.put(new ApKey(DetectionMode.PER_SAMPLE, t, interpolation),
            perSample.averagePrecision(interpolation));
        aps.put(new ApKey(DetectionMode.PER_LESION, t, interpolation),
            perLesion.averagePrecision(interpolation));
      }
    }
    this.averagePrecisions = Map.copyOf(aps);
  }

  static SegmentationMetrics of(List<SampleSummary> samples, SegmentationSettings settings) {
    return new SegmentationMetrics(samples, settings);
  }

  private static Mean mean(List<MaskOverlap> overlaps, ToDoubleFunction<MaskOverlap> metric) {
    double[] defined =
        overlaps.stream().mapToDouble(metric).filter(v -> !Double.isNaN(v)).toArray();
    double sum = 0;
    for (double v : defined) {
      sum += v;
    }
    return new Mean(defined.length == 0 ? Double.NaN : sum / defined.length, defined.length);
  }

  /** Scored detections at one IoU threshold, matched once and summarised by every interpolation. */
  private record ApInput(double[] scores, boolean[] truePositive, int groundTruths) {
    double averagePrecision(Interpolation interpolation) {
      return groundTruths == 0
          ? Double.NaN
          : DetectionAveragePrecision.of(scores, truePositive, groundTruths, interpolation);
    }
  }

  private static ApInput perSampleInput(List<SampleSummary> positives, double iouThreshold) {
    double[] scores = new double[positives.size()];
    boolean[] truePositive = new boolean[positives.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = positives.get(i).classScore();
      truePositive[i] = positives.get(i).overlap().iou() >= iouThreshold;
    }
    return new ApInput(scores, truePositive, positives.size());
  }

  private static ApInput perLesionInput(List<SampleSummary> samples, double iouThreshold) {
    List<Double> scores = new ArrayList<>();
    List<Boolean> truePositive = new ArrayList<>();
    int groundTruths = 0;
    for (SampleSummary sample : samples) {
      LesionCandidates lesions = sample.lesions();
      boolean[] matched = lesions.match(iouThreshold);
      for (int d = 0; d < matched.length; d++) {
        scores.add(lesions.detections.get(d).score());
        truePositive.add(matched[d]);
      }
      groundTruths += lesions.references;
    }
    boolean[] flags = new boolean[truePositive.size()];
    for (int i = 0; i < flags.length; i++) {
      flags[i] = truePositive.get(i);
    }
    return new ApInput(
        scores.stream().mapToDouble(Double::doubleValue).toArray(), flags, groundTruths);
  }

  /** Number of samples. */
  public int sampleCount() {
    return sampleCount;
  }

  /** Number of samples with a non-empty reference. */
  public int positiveCount() {
    return positiveCount;
  }

  /** Mean IoU over positive samples. */
  public Mean iou() {
    return iou;
  }

  /** Mean Dice over positive samples. */
  public Mean dice() {
    return dice;
  }

  /** Mean IOP over positive samples with a non-empty prediction. */
  public Mean iop() {
    return iop;
  }

  /** Mean IOA over positive samples. */
  public Mean ioa() {
    return ioa;
  }

  /** Mean number of confused pixels per sample, over all samples. */
  public double meanConfusedPixels() {
    return meanConfusedPixels;
  }

  /** Segmentation AP with the default (COCO 101-point) interpolation. */
  public double averagePrecision(DetectionMode mode, double iouThreshold) {
    return averagePrecision(mode, iouThreshold, DetectionAveragePrecision.DEFAULT_INTERPOLATION);
  }

  /**
   * Segmentation AP; NaN when the samples hold no ground truth.
   *
   * @throws IllegalArgumentException when {@code iouThreshold} is not one of the settings' thresholds
   */
  public double averagePrecision(
      DetectionMode mode, double iouThreshold, Interpolation interpolation) {
    Double ap = averagePrecisions.get(new ApKey(mode, iouThreshold, interpolation));
    if (ap == null) {
      throw new IllegalArgumentException(
          "no AP at IoU " + iouThreshold + "; evaluated thresholds are "
              + averagePrecisions.keySet().stream().map(ApKey::iouThreshold).distinct().sorted().toList());
    }
    return ap;
  }
}
