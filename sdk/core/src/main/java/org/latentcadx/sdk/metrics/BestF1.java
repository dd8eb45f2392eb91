package org.latentcadx.sdk.metrics;

/**
 * The decision threshold with the highest F1 among the distinct scores (a sample is positive when its
 * score is at least the threshold). On a tie the highest such threshold wins, i.e. the fewest positive
 * predictions. F1 is computed from integer counts as 2·TP / (2·TP + FP + FN), so ties are exact. There is
 * no scikit-learn function for this; the fixture script computes the same definition with
 * {@code f1_score}.
 *
 * @param threshold the score threshold of best F1
 * @param confusionMatrix the decision at that threshold
 */
public record BestF1(double threshold, ConfusionMatrix confusionMatrix) {

  /** Searches every distinct score of the input; at least one label must be 1. */
  public static BestF1 of(int[] labels, double[] scores) {
    BinaryClassification data = BinaryClassification.of(labels, scores);
    if (data.positives == 0) {
      throw new IllegalArgumentException(
          "best F1 needs a positive label, but all " + data.size() + " labels are 0");
    }
    ThresholdCounts counts = data.counts();
    ConfusionMatrix best = null;
    double bestThreshold = Double.NaN;
    for (int i = 0; i < counts.size(); i++) {
      long tp = counts.truePositives[i];
      long fp = counts.falsePositives[i];
      ConfusionMatrix candidate =
          new ConfusionMatrix(tp, fp, data.negatives() - fp, data.positives - tp);
      if (best == null || candidate.f1() > best.f1()) {
        best = candidate;
        bestThreshold = counts.thresholds[i];
      }
    }
    return new BestF1(bestThreshold, best);
  }

  /** F1 at the threshold. */
  public double f1() {
    return confusionMatrix.f1();
  }
}
