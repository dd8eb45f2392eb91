package org.latentcadx.sdk.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence intervals for ROC AUC and average precision.
 *
 * <p>Each replicate draws n samples with replacement ({@link SplittableRandom} seeded by the caller,
 * so a seed reproduces the intervals) and computes both metrics exactly as {@link RocCurve#auc()} and
 * {@link PrecisionRecallCurve#averagePrecision()} would on the resample. A resample holding only one
 * class is skipped, as the usual scikit-learn bootstrap loops do, and counted in
 * {@link #skippedReplicates()}; the interval uses the remaining replicates. The bounds are the
 * (1 − level)/2 and (1 + level)/2 percentiles with linear interpolation between order statistics
 * (numpy's default {@code percentile} method).
 */
public final class BootstrapIntervals {

  /** Replicates drawn by {@link #compute(int[], double[], long)}. */
  public static final int DEFAULT_REPLICATES = 2000;
  /** Confidence level of {@link #compute(int[], double[], long)}. */
  public static final double DEFAULT_LEVEL = 0.95;

  private final ConfidenceInterval rocAuc;
  private final ConfidenceInterval averagePrecision;
  private final int usedReplicates;
  private final int skippedReplicates;

  private BootstrapIntervals(
      ConfidenceInterval rocAuc,
      ConfidenceInterval averagePrecision,
      int usedReplicates,
      int skippedReplicates) {
    this.rocAuc = rocAuc;
    this.averagePrecision = averagePrecision;
    this.usedReplicates = usedReplicates;
    this.skippedReplicates = skippedReplicates;
  }

  /** 95% intervals from 2,000 replicates. */
  public static BootstrapIntervals compute(int[] labels, double[] scores, long seed) {
    return compute(labels, scores, seed, DEFAULT_REPLICATES, DEFAULT_LEVEL);
  }

  /**
   * Intervals at {@code level} from {@code replicates} resamples.
   *
   * @throws IllegalArgumentException on invalid input, a class missing from the data, replicates < 1,
   *     a level outside (0, 1), or when every resample held one class only
   */
  public static BootstrapIntervals compute(
      int[] labels, double[] scores, long seed, int replicates, double level) {
    if (replicates < 1) {
      throw new IllegalArgumentException("replicates must be at least 1, got " + replicates);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
    BinaryClassification data = BinaryClassification.of(labels, scores);
    data.requireBothClasses("bootstrap of ROC AUC and average precision");
    ThresholdCounts all = data.counts();
    double aucEstimate = RocCurve.fromCounts(all, true).auc();
    double apEstimate = PrecisionRecallCurve.fromCounts(all).averagePrecision();

    SplittableRandom random = new SplittableRandom(seed);
    int n = data.size();
    int[] multiplicity = new int[n];
    double[] aucs = new double[replicates];
    double[] aps = new double[replicates];
    int used = 0;
    for (int r = 0; r < replicates; r++) {
      Arrays.fill(multiplicity, 0);
      long positives = 0;
      for (int k = 0; k < n; k++) {
        int i = random.nextInt(n);
        multiplicity[i]++;
        positives += data.labels[i];
      }
      if (positives == 0 || positives == n) {
        continue;
      }
      ThresholdCounts counts = ThresholdCounts.of(data, multiplicity);
      aucs[used] = RocCurve.fromCounts(counts, true).auc();
      aps[used] = PrecisionRecallCurve.fromCounts(counts).averagePrecision();
      used++;
    }
    if (used == 0) {
      throw new IllegalArgumentException(
          "all " + replicates + " bootstrap resamples of " + n + " samples ("
              + data.positives + " positive) held one class only");
    }
    return new BootstrapIntervals(
        interval(aucEstimate, Arrays.copyOf(aucs, used), level),
        interval(apEstimate, Arrays.copyOf(aps, used), level),
        used,
        replicates - used);
  }

  private static ConfidenceInterval interval(double estimate, double[] replicates, double level) {
    Arrays.sort(replicates);
    return new ConfidenceInterval(
        estimate,
        percentile(replicates, (1 - level) / 2),
        percentile(replicates, (1 + level) / 2),
        level);
  }

  /** The q-quantile of sorted values, interpolating linearly between order statistics. */
  static double percentile(double[] sorted, double q) {
    double position = (sorted.length - 1) * q;
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }

  /** ROC AUC with its interval. */
  public ConfidenceInterval rocAuc() {
    return rocAuc;
  }

  /** Average precision with its interval. */
  public ConfidenceInterval averagePrecision() {
    return averagePrecision;
  }

  /** Replicates that held both classes and entered the intervals. */
  public int usedReplicates() {
    return usedReplicates;
  }

  /** Replicates skipped because they held one class only. */
  public int skippedReplicates() {
    return skippedReplicates;
  }
}
