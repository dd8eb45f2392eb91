package org.latentcadx.sdk.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Receiver operating characteristic curve and the area under it, matching scikit-learn 1.2.1's
 * {@code roc_curve} and {@code roc_auc_score} for binary 0/1 labels (label 1 is positive; ties in the
 * scores are one threshold).
 *
 * <p>Points are ordered by descending threshold; a sample is predicted positive when its score is at
 * least the threshold. The first point is (0, 0) with threshold {@code max(score) + 1}, as in
 * scikit-learn 1.2 (1.3 and later use +∞ there). {@link #of} drops collinear intermediate points like
 * scikit-learn's default {@code drop_intermediate=True}; {@link #full} keeps one point per distinct score.
 * Both give the same {@link #auc()}, the trapezoidal area.
 *
 * <p>Both classes must be present: scikit-learn's {@code roc_auc_score} raises and its {@code roc_curve}
 * returns NaN rates in that case; here both throw {@link IllegalArgumentException}.
 */
public final class RocCurve {

  private final double[] falsePositiveRates;
  private final double[] truePositiveRates;
  private final double[] thresholds;

  private RocCurve(double[] falsePositiveRates, double[] truePositiveRates, double[] thresholds) {
    this.falsePositiveRates = falsePositiveRates;
    this.truePositiveRates = truePositiveRates;
    this.thresholds = thresholds;
  }

  /** The curve without collinear intermediate points (scikit-learn's default). */
  public static RocCurve of(int[] labels, double[] scores) {
    return fromCounts(checked(labels, scores), true);
  }

  /** The curve with a point for every distinct score ({@code drop_intermediate=False}). */
  public static RocCurve full(int[] labels, double[] scores) {
    return fromCounts(checked(labels, scores), false);
  }

  private static ThresholdCounts checked(int[] labels, double[] scores) {
    BinaryClassification data = BinaryClassification.of(labels, scores);
    data.requireBothClasses("ROC curve");
    return data.counts();
  }

  /** The curve of counts that hold both classes. */
  static RocCurve fromCounts(ThresholdCounts counts, boolean dropIntermediate) {
    int[] kept = dropIntermediate ? cornerIndices(counts) : allIndices(counts.size());
    double negatives = counts.totalNegatives();
    double positives = counts.totalPositives();
    double[] fpr = new double[kept.length + 1];
    double[] tpr = new double[kept.length + 1];
    double[] thresholds = new double[kept.length + 1];
    thresholds[0] = counts.thresholds[0] + 1;
    for (int k = 0; k < kept.length; k++) {
      fpr[k + 1] = counts.falsePositives[kept[k]] / negatives;
      tpr[k + 1] = counts.truePositives[kept[k]] / positives;
      thresholds[k + 1] = counts.thresholds[kept[k]];
    }
    return new RocCurve(fpr, tpr, thresholds);
  }

  /** Indices where the count curve bends (non-zero second difference), plus both ends. */
  private static int[] cornerIndices(ThresholdCounts counts) {
    int n = counts.size();
    if (n <= 2) {
      return allIndices(n);
    }
    int[] kept = new int[n];
    int size = 0;
    kept[size++] = 0;
    for (int i = 1; i < n - 1; i++) {
      if (secondDifference(counts.falsePositives, i) != 0
          || secondDifference(counts.truePositives, i) != 0) {
        kept[size++] = i;
      }
    }
    kept[size++] = n - 1;
    return Arrays.copyOf(kept, size);
  }

  private static long secondDifference(long[] values, int i) {
    return values[i + 1] - 2 * values[i] + values[i - 1];
  }

  private static int[] allIndices(int n) {
    return IntStream.range(0, n).toArray();
  }

  /** Area under the curve by the trapezoidal rule, as {@code sklearn.metrics.auc(fpr, tpr)}. */
  public double auc() {
    double area = 0;
    for (int i = 1; i < falsePositiveRates.length; i++) {
      area +=
          (falsePositiveRates[i] - falsePositiveRates[i - 1])
              * (truePositiveRates[i] + truePositiveRates[i - 1])
              / 2.0;
    }
    return area;
  }

  /** False positive rates, increasing; a copy. */
  public double[] falsePositiveRates() {
    return falsePositiveRates.clone();
  }

  /** True positive rates, increasing; a copy. */
  public double[] truePositiveRates() {
    return truePositiveRates.clone();
  }

  /** Thresholds, decreasing, the first being {@code max(score) + 1}; a copy. */
  public double[] thresholds() {
    return thresholds.clone();
  }

  /** Number of points on the curve. */
  public int size() {
    return thresholds.length;
  }
}
