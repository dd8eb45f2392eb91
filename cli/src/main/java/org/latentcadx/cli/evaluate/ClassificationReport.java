package org.latentcadx.cli.evaluate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.latentcadx.sdk.metrics.BestF1;
import org.latentcadx.sdk.metrics.BootstrapIntervals;
import org.latentcadx.sdk.metrics.ConfidenceInterval;
import org.latentcadx.sdk.metrics.ConfusionMatrix;
import org.latentcadx.sdk.metrics.PrecisionRecallCurve;
import org.latentcadx.sdk.metrics.RocCurve;

/**
 * Image-level classification metrics of one group of images (all, or one lesion type against the
 * normals), computed with the SDK's metrics (scikit-learn's definitions).
 *
 * @param positives images with a lesion of the group
 * @param negatives normal images
 * @param rocAuc ROC AUC with its percentile bootstrap interval
 * @param averagePrecision average precision with its percentile bootstrap interval
 * @param bootstrapReplicatesUsed replicates that held both classes
 * @param atDecisionThreshold the decision at the model's threshold
 * @param atBestF1 the decision at the threshold of best F1
 * @param roc the ROC curve (for plots; not in metrics.json)
 * @param precisionRecall the precision-recall curve (for plots; not in metrics.json)
 */
public record ClassificationReport(
    int positives,
    int negatives,
    Interval rocAuc,
    Interval averagePrecision,
    int bootstrapReplicatesUsed,
    Decision atDecisionThreshold,
    Decision atBestF1,
    @JsonIgnore RocCurve roc,
    @JsonIgnore PrecisionRecallCurve precisionRecall) {

  /** A point estimate and its interval. */
  public record Interval(double estimate, double lower, double upper, double level) {
    static Interval of(ConfidenceInterval interval) {
      return new Interval(interval.estimate(), interval.lower(), interval.upper(), interval.level());
    }
  }

  /** A thresholded decision and its rates. */
  public record Decision(
      double threshold,
      long truePositives,
      long falsePositives,
      long trueNegatives,
      long falseNegatives,
      double precision,
      double recall,
      double specificity,
      double f1) {
    static Decision of(double threshold, ConfusionMatrix m) {
      return new Decision(
          threshold,
          m.truePositives(),
          m.falsePositives(),
          m.trueNegatives(),
          m.falseNegatives(),
          m.precision(),
          m.recall(),
          m.specificity(),
          m.f1());
    }
  }

  /**
   * Computes the metrics.
   *
   * @param labels 1 for an image with a lesion, 0 for a normal image
   * @param scores the image probabilities
   * @param decisionThreshold the model's decision threshold
   * @param replicates bootstrap replicates
   * @param seed bootstrap seed
   * @param clusters each image's patient (resampled together by the bootstrap)
   * @throws IllegalArgumentException when a class is missing (the message says which)
   */
  public static ClassificationReport compute(
      int[] labels, double[] scores, int[] clusters, double decisionThreshold, int replicates, long seed) {
    int positives = 0;
    for (int label : labels) {
      positives += label;
    }
    BootstrapIntervals intervals =
        BootstrapIntervals.compute(labels, scores, clusters, seed, replicates, BootstrapIntervals.DEFAULT_LEVEL);
    BestF1 best = BestF1.of(labels, scores);
    return new ClassificationReport(
        positives,
        labels.length - positives,
        Interval.of(intervals.rocAuc()),
        Interval.of(intervals.averagePrecision()),
        intervals.usedReplicates(),
        Decision.of(
            decisionThreshold, ConfusionMatrix.atThreshold(labels, scores, decisionThreshold)),
        Decision.of(best.threshold(), best.confusionMatrix()),
        RocCurve.of(labels, scores),
        PrecisionRecallCurve.of(labels, scores));
  }
}
