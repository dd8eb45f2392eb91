package org.latentcadx.sdk.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.numbers.gamma.Erfc;

/**
 * DeLong's test for the difference between two correlated ROC AUCs (two score sets on the same
 * samples): DeLong, DeLong &amp; Clarke-Pearson, Biometrics 44 (1988), computed with the fast midrank
 * algorithm of Sun &amp; Xu, IEEE Signal Processing Letters 21 (2014). The AUCs equal scikit-learn's
 * {@code roc_auc_score} (ties count one half).
 *
 * <p>The covariance of the two AUCs is S10/m + S01/n, with S10 and S01 the sample covariances (divisor
 * m − 1 and n − 1) of the structural components over the m positives and n negatives. The statistic
 * z = (AUC_A − AUC_B) / √(Var A + Var B − 2 Cov AB) is referred to the standard normal, p two-sided. When
 * the variance of the difference is 0 (e.g. identical or both perfectly separating score sets) and the
 * AUCs are equal, z = 0 and p = 1; with unequal AUCs z is ±∞ and p = 0.
 */
public final class DeLongComparison {

  private final double aucA;
  private final double aucB;
  private final double[][] covariance;
  private final double z;
  private final double pValue;

  private DeLongComparison(double aucA, double aucB, double[][] covariance) {
    this.aucA = aucA;
    this.aucB = aucB;
    this.covariance = covariance;
    double variance = covariance[0][0] + covariance[1][1] - 2 * covariance[0][1];
    double difference = aucA - aucB;
    this.z = difference == 0 ? 0 : difference / Math.sqrt(Math.max(variance, 0));
    this.pValue = Erfc.value(Math.abs(z) / Math.sqrt(2));
  }

  /**
   * Compares the AUCs of {@code scoresA} and {@code scoresB} against the same 0/1 labels.
   *
   * @throws IllegalArgumentException on invalid input, or fewer than 2 positives or 2 negatives (the
   *     sample covariances need two of each)
   */
  public static DeLongComparison compare(int[] labels, double[] scoresA, double[] scoresB) {
    BinaryClassification a = BinaryClassification.of(labels, scoresA);
    BinaryClassification.requireSameLength(labels, scoresB, "scoresB");
    BinaryClassification.requireFinite(scoresB, "scoresB");
    if (a.positives < 2 || a.negatives() < 2) {
      throw new IllegalArgumentException(
          "DeLong's test needs at least 2 positives and 2 negatives, got " + a.positives
              + " positives and " + a.negatives() + " negatives");
    }
    StructuralComponents componentsA = StructuralComponents.of(labels, scoresA);
    StructuralComponents componentsB = StructuralComponents.of(labels, scoresB);
    double m = a.positives;
    double n = a.negatives();
    double[][] covariance = new double[2][2];
    StructuralComponents[] both = {componentsA, componentsB};
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 2; c++) {
        covariance[r][c] =
            sampleCovariance(both[r].positive, both[c].positive) / m
                + sampleCovariance(both[r].negative, both[c].negative) / n;
      }
    }
    return new DeLongComparison(componentsA.auc, componentsB.auc, covariance);
  }

  /** The AUC and DeLong's structural components (V10 over positives, V01 over negatives) of one score set. */
  private record StructuralComponents(double auc, double[] positive, double[] negative) {

    static StructuralComponents of(int[] labels, double[] scores) {
      double[] x = select(labels, scores, 1);
      double[] y = select(labels, scores, 0);
      int m = x.length;
      int n = y.length;
      double[] xRanks = midranks(x);
      double[] yRanks = midranks(y);
      double[] allRanks = midranks(concat(x, y));
      double[] positive = new double[m];
      double[] negative = new double[n];
      double positiveRankSum = 0;
      for (int i = 0; i < m; i++) {
        positive[i] = (allRanks[i] - xRanks[i]) / n;
        positiveRankSum += allRanks[i];
      }
      for (int j = 0; j < n; j++) {
        negative[j] = 1 - (allRanks[m + j] - yRanks[j]) / m;
      }
      double auc = (positiveRankSum - m * (m + 1) / 2.0) / ((double) m * n);
      return new StructuralComponents(auc, positive, negative);
    }
  }

  private static double[] select(int[] labels, double[] scores, int label) {
    return IntStream.range(0, labels.length)
        .filter(i -> labels[i] == label)
        .mapToDouble(i -> scores[i])
        .toArray();
  }

  private static double[] concat(double[] first, double[] second) {
    double[] all = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  /** 1-based ranks, tied values sharing the mean of their ranks. */
  static double[] midranks(double[] values) {
    Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
    double[] ranks = new double[values.length];
    int start = 0;
    while (start < order.length) {
      int end = start;
      while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
        end++;
      }
      double midrank = (start + end) / 2.0 + 1;
      for (int k = start; k <= end; k++) {
        ranks[order[k]] = midrank;
      }
      start = end + 1;
    }
    return ranks;
  }

  private static double sampleCovariance(double[] u, double[] v) {
    double meanU = Arrays.stream(u).average().orElseThrow();
    double meanV = Arrays.stream(v).average().orElseThrow();
    double sum = 0;
    for (int i = 0; i < u.length; i++) {
      sum += (u[i] - meanU) * (v[i] - meanV);
    }
    return sum / (u.length - 1);
  }

  /** ROC AUC of the first score set. */
  public double aucA() {
    return aucA;
  }

  /** ROC AUC of the second score set. */
  public double aucB() {
    return aucB;
  }

  /** The 2×2 covariance matrix of (AUC_A, AUC_B); a copy. */
  public double[][] covariance() {
    return new double[][] {covariance[0].clone(), covariance[1].clone()};
  }

  /** The standardised difference (AUC_A − AUC_B) / SD. */
  public double z() {
    return z;
  }

  /** Two-sided p-value of z under the standard normal. */
  public double pValue() {
    return pValue;
  }
}
