package org.latentcadx.sdk.metrics;

/**
 * Precision-recall curve and average precision, matching scikit-learn 1.2.1's
 * {@code precision_recall_curve} and {@code average_precision_score} for binary 0/1 labels.
 *
 * <p>The arrays keep scikit-learn 1.2's layout: {@link #thresholds()} holds every distinct score,
 * increasing; {@code precision[i]} and {@code recall[i]} are those of predicting positive every sample
 * with score at least {@code thresholds[i]}, and one last point (precision 1, recall 0) without a
 * threshold ends the curve. Precision with no predicted positive is 0.
 *
 * <p>Average precision is the step-wise sum {@code Σ (R[i] − R[i+1]) · P[i]}, not a trapezoidal area.
 * Labels without any positive throw {@link IllegalArgumentException} (scikit-learn warns and sets recall
 * to 1); labels without any negative are defined, as in scikit-learn: precision 1 everywhere, AP 1.
 */
public final class PrecisionRecallCurve {

  private final double[] precision;
  private final double[] recall;
  private final double[] thresholds;

  private PrecisionRecallCurve(double[] precision, double[] recall, double[] thresholds) {
    this.precision = precision;
    this.recall = recall;
    this.thresholds = thresholds;
  }

  /** The curve of scores against 0/1 labels; at least one label must be 1. */
  public static PrecisionRecallCurve of(int[] labels, double[] scores) {
    BinaryClassification data = BinaryClassification.of(labels, scores);
    if (data.positives == 0) {
      throw new IllegalArgumentException(
          "precision-recall curve needs a positive label, but all " + data.size() + " labels are 0");
    }
    return fromCounts(data.counts());
  }

  /** The curve of counts that hold at least one positive. */
  static PrecisionRecallCurve fromCounts(ThresholdCounts counts) {
    int n = counts.size();
    double positives = counts.totalPositives();
    double[] precision = new double[n + 1];
    double[] recall = new double[n + 1];
    double[] thresholds = new double[n];
    for (int k = 0; k < n; k++) {
      int from = n - 1 - k;
      long predicted = counts.truePositives[from] + counts.falsePositives[from];
      precision[k] = predicted == 0 ? 0 : counts.truePositives[from] / (double) predicted;
      recall[k] = counts.truePositives[from] / positives;
      thresholds[k] = counts.thresholds[from];
    }
    precision[n] = 1;
    recall[n] = 0;
    return new PrecisionRecallCurve(precision, recall, thresholds);
  }

  /** Average precision: the step-wise sum of precision over recall decrements. */
  public double averagePrecision() {
    double sum = 0;
    for (int i = 0; i < thresholds.length; i++) {
      sum += (recall[i] - recall[i + 1]) * precision[i];
    }
    return sum;
  }

  /** Precision at each threshold, then 1; a copy. */
  public double[] precision() {
    return precision.clone();
  }

  /** Recall at each threshold (decreasing), then 0; a copy. */
  public double[] recall() {
    return recall.clone();
  }

  /** Distinct scores, increasing; one fewer than the precision and recall points; a copy. */
  public double[] thresholds() {
    return thresholds.clone();
  }
}
