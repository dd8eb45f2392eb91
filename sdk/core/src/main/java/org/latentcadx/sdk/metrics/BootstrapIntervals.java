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
    int[] ownCluster = new int[labels.length];
    for (int i = 0; i < ownCluster.length; i++) {
      ownCluster[i] = i;
    }
    return compute(labels, scores, ownCluster, seed, replicates, level);
  }

  /**
   * Intervals from resampling clusters (e.g. patients) instead of samples: each replicate draws as many
   * clusters as there are, with replacement, and takes every sample of each drawn cluster, so that
   * correlated samples (several images of one patient) do not make the intervals too narrow. With one
   * sample per cluster this is the sample bootstrap, draw for draw.
   *
   * @param clusters each sample's cluster, any integers (equal: same cluster)
   * @throws IllegalArgumentException as {@link #compute(int[], double[], long, int, double)}, or when
   *     {@code clusters} is not as long as {@code labels}
   */
  public static BootstrapIntervals compute(
      int[] labels, double[] scores, int[] clusters, long seed, int replicates, double level) {
    if (replicates < 1) {
      throw new IllegalArgumentException("replicates must be at least 1, got " + replicates);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
    BinaryClassification data = BinaryClassification.of(labels, scores);
    data.requireBothClasses("bootstrap of ROC AUC and average precision");
    if (clusters.length != labels.length) {
      throw new IllegalArgumentException(
          "clusters has " + clusters.length + " entries for " + labels.length + " samples");
    }
    int[][] members = members(clusters);
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
      long drawn = 0;
      for (int k = 0; k < members.length; k++) {
        for (int i : members[random.nextInt(members.length)]) {
          multiplicity[i]++;
          positives += data.labels[i];
          drawn++;
        }
      }
      if (positives == 0 || positives == drawn) {
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

  /** The samples of each cluster, clusters in the order of their first sample. */
  private static int[][] members(int[] clusters) {
    java.util.Map<Integer, java.util.List<Integer>> byCluster = new java.util.LinkedHashMap<>();
    for (int i = 0; i < clusters.length; i++) {
      byCluster.computeIfAbsent(clusters[i], c -> new java.util.ArrayList<>()).add(i);
    }
    int[][] members = new int[byCluster.size()][];
    int k = 0;
    for (java.util.List<Integer> samples : byCluster.values()) {
      members[k++] = samples.stream().mapToInt(Integer::intValue).toArray();
    }
    return members;
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
