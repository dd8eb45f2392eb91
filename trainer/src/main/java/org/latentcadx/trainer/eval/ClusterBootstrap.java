package org.latentcadx.trainer.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.latentcadx.sdk.metrics.ConfidenceInterval;

/**
 * Percentile bootstrap of a mean over lesions, resampling patients (a patient's lesions come and go
 * together, so lesions of one patient do not count as independent evidence). NaN values (undefined
 * for that lesion) are left out of each replicate's mean.
 */
final class ClusterBootstrap {
  static final int REPLICATES = 2000;
  private static final double LEVEL = 0.95;

  private final List<int[]> clusters;
  private final long seed;

  /** Lesions grouped by {@code patients[i]}, the patient of lesion i. */
  ClusterBootstrap(String[] patients, long seed) {
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < patients.length; i++) {
      groups.computeIfAbsent(patients[i], k -> new ArrayList<>()).add(i);
    }
    this.clusters =
        groups.values().stream().map(g -> g.stream().mapToInt(Integer::intValue).toArray()).toList();
    this.seed = seed;
  }

  /** The mean of {@code values} with its interval. */
  ConfidenceInterval mean(double[] values) {
    return interval(values, mean(values, null));
  }

  /** The mean of the paired differences {@code a[i] − b[i]} with its interval. */
  ConfidenceInterval pairedDifference(double[] a, double[] b) {
    double[] d = new double[a.length];
    Arrays.setAll(d, i -> a[i] - b[i]);
    return mean(d);
  }

  private ConfidenceInterval interval(double[] values, double estimate) {
    if (clusters.isEmpty()) {
      return new ConfidenceInterval(Double.NaN, Double.NaN, Double.NaN, LEVEL);
    }
    Random random = new Random(seed);
    double[] replicates = new double[REPLICATES];
    int[] counts = new int[values.length];
    for (int r = 0; r < REPLICATES; r++) {
      Arrays.fill(counts, 0);
      for (int c = 0; c < clusters.size(); c++) {
        for (int i : clusters.get(random.nextInt(clusters.size()))) {
          counts[i]++;
        }
      }
      replicates[r] = mean(values, counts);
    }
    double[] finite = Arrays.stream(replicates).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (finite.length == 0) {
      return new ConfidenceInterval(estimate, Double.NaN, Double.NaN, LEVEL);
    }
    double tail = (1 - LEVEL) / 2;
    return new ConfidenceInterval(
        estimate,
        finite[(int) Math.floor(tail * (finite.length - 1))],
        finite[(int) Math.ceil((1 - tail) * (finite.length - 1))],
        LEVEL);
  }

  /** Mean of the non-NaN values, each counted {@code counts[i]} times (once when null). */
  private static double mean(double[] values, int[] counts) {
    double sum = 0;
    long n = 0;
    for (int i = 0; i < values.length; i++) {
      int c = counts == null ? 1 : counts[i];
      if (c > 0 && !Double.isNaN(values[i])) {
        sum += c * values[i];
        n += c;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
