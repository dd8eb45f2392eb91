package org.latentcadx.sdk.metrics;

/**
 * Counts of a binary decision and the rates derived from them. A ratio whose denominator is 0 is 0,
 * as scikit-learn's {@code precision_score}, {@code recall_score} and {@code f1_score} give with
 * {@code zero_division=0} (their default value, without the warning). Specificity is scikit-learn's
 * recall of the negative class.
 *
 * @param truePositives positives predicted positive
 * @param falsePositives negatives predicted positive
 * @param trueNegatives negatives predicted negative
 * @param falseNegatives positives predicted negative
 */
public record ConfusionMatrix(
    long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

  /** Validates that no count is negative. */
  public ConfusionMatrix {
    if (truePositives < 0 || falsePositives < 0 || trueNegatives < 0 || falseNegatives < 0) {
      throw new IllegalArgumentException(
          "confusion counts must not be negative: TP=" + truePositives + " FP=" + falsePositives
              + " TN=" + trueNegatives + " FN=" + falseNegatives);
    }
  }

  /** The matrix of predicting positive every sample whose score is at least {@code threshold}. */
  public static ConfusionMatrix atThreshold(int[] labels, double[] scores, double threshold) {
    BinaryClassification.validate(labels, scores);
    long positives = 0;
    long tp = 0;
    long fp = 0;
    for (int i = 0; i < labels.length; i++) {
      positives += labels[i];
      if (scores[i] >= threshold) {
        if (labels[i] == 1) {
          tp++;
        } else {
          fp++;
        }
      }
    }
    return new ConfusionMatrix(tp, fp, labels.length - positives - fp, positives - tp);
  }

  /** TP / (TP + FP). */
  public double precision() {
    return ratio(truePositives, truePositives + falsePositives);
  }

  /** TP / (TP + FN), the sensitivity. */
  public double recall() {
    return ratio(truePositives, truePositives + falseNegatives);
  }

  /** TN / (TN + FP). */
  public double specificity() {
    return ratio(trueNegatives, trueNegatives + falsePositives);
  }

  /** 2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall. */
  public double f1() {
    return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0 : numerator / (double) denominator;
  }
}
