package org.latentcadx.sdk.metrics;

/**
 * Average precision of a ranked list of detections, each a true or false positive, against a number of
 * ground-truth objects (missed objects lower the reachable recall). Detections are ranked by
 * descending score; equal scores keep their input order (a stable sort, as pycocotools'
 * {@code argsort(kind='mergesort')}). Precision is made monotone (at each rank the highest precision at
 * that or any higher recall) and then summarised by one of two {@link Interpolation}s. Checked against
 * numpy implementations of both in the fixture script.
 */
public final class DetectionAveragePrecision {

  /** How the monotone precision-recall curve is summarised. */
  public enum Interpolation {
    /**
     * PASCAL VOC 2010+ all-point: the area under the monotone curve, summing precision over every
     * recall increment.
     */
    VOC_ALL_POINT,
    /**
     * COCO 101-point: the mean of the monotone precision at recalls 0, 0.01, …, 1 (each the first rank
     * reaching that recall; 0 where no rank does), as pycocotools' {@code recThrs}. The default.
     */
    COCO_101_POINT
  }

  /** The interpolation of {@link #of(double[], boolean[], int)}. */
  public static final Interpolation DEFAULT_INTERPOLATION = Interpolation.COCO_101_POINT;

  private DetectionAveragePrecision() {}

  /** AP with {@link #DEFAULT_INTERPOLATION}. */
  public static double of(double[] scores, boolean[] truePositive, int groundTruths) {
    return of(scores, truePositive, groundTruths, DEFAULT_INTERPOLATION);
  }

  /**
   * AP of detections with {@code scores}, of which {@code truePositive} matched a ground-truth object,
   * among {@code groundTruths} objects.
   *
   * @throws IllegalArgumentException for mismatched lengths, NaN scores, no ground truth, or more true
   *     positives than ground-truth objects
   */
  public static double of(
      double[] scores, boolean[] truePositive, int groundTruths, Interpolation interpolation) {
    if (scores.length != truePositive.length) {
      throw new IllegalArgumentException(
          "scores and truePositive differ in length: " + scores.length + " and " + truePositive.length);
    }
    if (groundTruths < 1) {
      throw new IllegalArgumentException(
          "average precision needs at least one ground-truth object, got " + groundTruths);
    }
    BinaryClassification.requireFinite(scores, "scores");
    int[] order = Ranking.descending(scores);
    int n = order.length;
    double[] recall = new double[n];
    double[] precision = new double[n];
    int tp = 0;
    for (int k = 0; k < n; k++) {
      tp += truePositive[order[k]] ? 1 : 0;
      recall[k] = tp / (double) groundTruths;
      precision[k] = tp / (double) (k + 1);
    }
    if (tp > groundTruths) {
      throw new IllegalArgumentException(
          tp + " true positives exceed the " + groundTruths + " ground-truth objects");
    }
    for (int k = n - 2; k >= 0; k--) {
      precision[k] = Math.max(precision[k], precision[k + 1]);
    }
    return interpolation == Interpolation.VOC_ALL_POINT
        ? allPoint(recall, precision)
        : pointsOf101(recall, precision);
  }

  private static double allPoint(double[] recall, double[] monotonePrecision) {
    double sum = 0;
    double previousRecall = 0;
    for (int k = 0; k < recall.length; k++) {
      sum += (recall[k] - previousRecall) * monotonePrecision[k];
      previousRecall = recall[k];
    }
    return sum;
  }

  private static double pointsOf101(double[] recall, double[] monotonePrecision) {
    double sum = 0;
    int k = 0;
    for (int r = 0; r <= 100; r++) {
      double recallLevel = r * 0.01; // numpy.linspace(0, 1, 101) computes i * step
      while (k < recall.length && recall[k] < recallLevel) {
        k++;
      }
      if (k == recall.length) {
        break;
      }
      sum += monotonePrecision[k];
    }
    return sum / 101;
  }
}
