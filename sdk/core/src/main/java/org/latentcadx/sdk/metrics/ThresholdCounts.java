package org.latentcadx.sdk.metrics;

import java.util.Arrays;

/**
 * True and false positive counts at each distinct score used as a threshold (a sample is predicted
 * positive when its score is at least the threshold), thresholds descending: scikit-learn's
 * {@code _binary_clf_curve}. Samples may carry integer multiplicities, which is how a bootstrap
 * resample is counted without re-sorting; samples of multiplicity 0 are absent, as in the resample.
 */
final class ThresholdCounts {

  final double[] thresholds;
  final long[] truePositives;
  final long[] falsePositives;

  private ThresholdCounts(double[] thresholds, long[] truePositives, long[] falsePositives) {
    this.thresholds = thresholds;
    this.truePositives = truePositives;
    this.falsePositives = falsePositives;
  }

  /** Counts {@code data}, each sample {@code multiplicity[i]} times, or once when it is null. */
  static ThresholdCounts of(BinaryClassification data, int[] multiplicity) {
    int n = data.size();
    double[] thresholds = new double[n];
    long[] tps = new long[n];
    long[] fps = new long[n];
    int distinct = 0;
    long tp = 0;
    long fp = 0;
    for (int k = 0; k < n; k++) {
      int i = data.descendingOrder[k];
      int times = multiplicity == null ? 1 : multiplicity[i];
      if (times == 0) {
        continue;
      }
      if (data.labels[i] == 1) {
        tp += times;
      } else {
        fp += times;
      }
      double score = data.scores[i];
      if (distinct > 0 && thresholds[distinct - 1] == score) {
        distinct--;
      }
      thresholds[distinct] = score;
      tps[distinct] = tp;
      fps[distinct] = fp;
      distinct++;
    }
    return new ThresholdCounts(
        Arrays.copyOf(thresholds, distinct), Arrays.copyOf(tps, distinct), Arrays.copyOf(fps, distinct));
  }

  int size() {
    return thresholds.length;
  }

  long totalPositives() {
    return truePositives[size() - 1];
  }

  long totalNegatives() {
    return falsePositives[size() - 1];
  }
}
