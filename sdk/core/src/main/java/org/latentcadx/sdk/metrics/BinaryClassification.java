package org.latentcadx.sdk.metrics;

import java.util.Arrays;

/**
 * Validated 0/1 labels with their scores, and the sample order by descending score. Shared by the
 * classification metrics; the checks mirror scikit-learn's input validation (consistent lengths, finite
 * scores, binary labels) but fail with an {@link IllegalArgumentException} naming the problem.
 */
final class BinaryClassification {

  final int[] labels;
  final double[] scores;
  /** Sample indices by descending score; the order within ties does not affect any metric. */
  final int[] descendingOrder;
  final int positives;

  private BinaryClassification(int[] labels, double[] scores) {
    this.labels = labels;
    this.scores = scores;
    this.descendingOrder = Ranking.descending(scores);
    this.positives = Arrays.stream(labels).sum();
  }

  /** Checks and copies the input; rejects null, empty, mismatched, non-0/1 labels and non-finite scores. */
  static BinaryClassification of(int[] labels, double[] scores) {
    validate(labels, scores);
    return new BinaryClassification(labels.clone(), scores.clone());
  }

  /** Rejects null, empty, mismatched, non-0/1 labels and non-finite scores. */
  static void validate(int[] labels, double[] scores) {
    requireSameLength(labels, scores, "scores");
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException(
            "labels must be 0 or 1, but labels[" + i + "] = " + labels[i]);
      }
    }
    requireFinite(scores, "scores");
  }

  static void requireSameLength(int[] labels, double[] scores, String scoresName) {
    if (labels == null || scores == null) {
      throw new IllegalArgumentException("labels and " + scoresName + " must not be null");
    }
    if (labels.length != scores.length) {
      throw new IllegalArgumentException(
          "labels and " + scoresName + " differ in length: " + labels.length + " labels, "
              + scores.length + " " + scoresName);
    }
    if (labels.length == 0) {
      throw new IllegalArgumentException("labels and " + scoresName + " are empty");
    }
  }

  static void requireFinite(double[] scores, String name) {
    for (int i = 0; i < scores.length; i++) {
      if (!Double.isFinite(scores[i])) {
        throw new IllegalArgumentException(
            name + " must be finite, but " + name + "[" + i + "] = " + scores[i]);
      }
    }
  }

  int size() {
    return labels.length;
  }

  int negatives() {
    return labels.length - positives;
  }

  /** Fails unless both classes are present; {@code metric} names what needs them. */
  void requireBothClasses(String metric) {
    if (positives == 0 || positives == labels.length) {
      throw new IllegalArgumentException(
          metric + " needs both classes, but all " + labels.length + " labels are "
              + (positives == 0 ? "0" : "1"));
    }
  }

  /** Cumulative counts at each distinct score, every sample counted once. */
  ThresholdCounts counts() {
    return ThresholdCounts.of(this, null);
  }
}
