package org.latentcadx.cli.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.latentcadx.cli.score.ScoreResult;
import org.latentcadx.sdk.metrics.DeLongComparison;

/**
 * Two models on the same images: their ROC AUCs, the difference with its 95% interval from DeLong's
 * covariance, and DeLong's test of equal AUCs (two-sided), over the images (with lesions and normal)
 * both score folders hold.
 *
 * @param modelA the evaluated model ({@code -s})
 * @param modelB the model compared with it ({@code --compare})
 * @param imagesWithLesions images with a lesion both scored
 * @param normalImages normal images both scored
 * @param imagesOnlyInA images of the evaluation that the compared folder lacks (left out)
 * @param aucA ROC AUC of A on the common images
 * @param aucB ROC AUC of B on the common images
 * @param difference {@code aucA − aucB}
 * @param differenceLower lower end of the 95% interval of the difference
 * @param differenceUpper upper end
 * @param z DeLong's statistic
 * @param pValue two-sided p-value of equal AUCs
 */
record ModelComparison(
    ScoreResult.Model modelA,
    ScoreResult.Model modelB,
    int imagesWithLesions,
    int normalImages,
    int imagesOnlyInA,
    double aucA,
    double aucB,
    double difference,
    double differenceLower,
    double differenceUpper,
    double z,
    double pValue) {

  private static final double Z_95 = 1.959963984540054;

  /**
   * Compares A's evaluation set with B's results, matched by the images' SHA-256.
   *
   * @throws IllegalArgumentException when fewer than two images of a class are common to both
   */
  static ModelComparison of(EvaluationSet set, Map<String, ScoredImage> resultsB) {
    List<Integer> labels = new ArrayList<>();
    List<Double> scoresA = new ArrayList<>();
    List<Double> scoresB = new ArrayList<>();
    int onlyInA = 0;
    int positives = 0;
    ScoreResult.Model modelB = null;
    List<ScoredImage> images = new ArrayList<>();
    set.positives().forEach(positive -> images.add(positive.image()));
    int positiveCount = images.size();
    images.addAll(set.negatives());
    for (int i = 0; i < images.size(); i++) {
      ScoreResult a = images.get(i).result();
      ScoredImage b = resultsB.get(a.input().sha256());
      if (b == null) {
        onlyInA++;
        continue;
      }
      modelB = b.result().model();
      int label = i < positiveCount ? 1 : 0;
      positives += label;
      labels.add(label);
      scoresA.add(a.imageProbability());
      scoresB.add(b.result().imageProbability());
    }
    DeLongComparison delong = DeLongComparison.compare(
        labels.stream().mapToInt(Integer::intValue).toArray(),
        scoresA.stream().mapToDouble(Double::doubleValue).toArray(),
        scoresB.stream().mapToDouble(Double::doubleValue).toArray());
    double[][] c = delong.covariance();
    double difference = delong.aucA() - delong.aucB();
    double halfWidth = Z_95 * Math.sqrt(Math.max(0, c[0][0] + c[1][1] - 2 * c[0][1]));
    ScoreResult.Model modelA = images.get(0).result().model();
    return new ModelComparison(modelA, modelB, positives, labels.size() - positives, onlyInA, delong.aucA(),
        delong.aucB(), difference, difference - halfWidth, difference + halfWidth, delong.z(), delong.pValue());
  }
}
