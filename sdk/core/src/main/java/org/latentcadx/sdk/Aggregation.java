package org.latentcadx.sdk;

import java.util.Objects;

/**
 * How tile probabilities become the image probability.
 *
 * <ul>
 *   <li>{@link #max()} (default): the largest tile probability;
 *   <li>{@link #noisyOr()}: {@code 1 − Π(1 − p_i)}, the probability that at least one tile is positive
 *       if tiles were independent (overlapping tiles are not, so this over-counts; use with a large
 *       stride);
 *   <li>{@link #topKMean(int)}: the mean of the {@code k} largest tile probabilities (all tiles when
 *       there are fewer than {@code k}).
 * </ul>
 */
public final class Aggregation {

  /** The aggregation rule. */
  public enum Kind {
    MAX,
    NOISY_OR,
    TOP_K_MEAN
  }

  private static final Aggregation MAX = new Aggregation(Kind.MAX, 1);
  private static final Aggregation NOISY_OR = new Aggregation(Kind.NOISY_OR, 0);

  private final Kind kind;
  private final int k;

  private Aggregation(Kind kind, int k) {
    this.kind = kind;
    this.k = k;
  }

  /** The largest tile probability. */
  public static Aggregation max() {
    return MAX;
  }

  /** {@code 1 − Π(1 − p_i)} over all tiles. */
  public static Aggregation noisyOr() {
    return NOISY_OR;
  }

  /**
   * The mean of the {@code k} largest tile probabilities.
   *
   * @throws IllegalArgumentException if {@code k < 1}
   */
  public static Aggregation topKMean(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("top-k mean needs k >= 1, got " + k);
    }
    return new Aggregation(Kind.TOP_K_MEAN, k);
  }

  public Kind kind() {
    return kind;
  }

  /** The {@code k} of {@link Kind#TOP_K_MEAN} (1 for max, 0 for noisy-OR). */
  public int k() {
    return k;
  }

  /**
   * The image probability of the given tile probabilities.
   *
   * @throws IllegalArgumentException if {@code tileProbabilities} is empty
   */
  public double apply(float[] tileProbabilities) {
    if (tileProbabilities.length == 0) {
      throw new IllegalArgumentException("no tile probabilities to aggregate");
    }
    return switch (kind) {
      case MAX -> topKMean(tileProbabilities, 1);
      case NOISY_OR -> noisyOr(tileProbabilities);
      case TOP_K_MEAN -> topKMean(tileProbabilities, k);
    };
  }

  private static double noisyOr(float[] probabilities) {
    double allNegative = 1;
    for (float p : probabilities) {
      allNegative *= 1 - (double) p;
    }
    return 1 - allNegative;
  }

  private static double topKMean(float[] probabilities, int k) {
    float[] sorted = probabilities.clone();
    java.util.Arrays.sort(sorted);
    int count = Math.min(k, sorted.length);
    double sum = 0;
    for (int i = sorted.length - count; i < sorted.length; i++) {
      sum += sorted[i];
    }
    return sum / count;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Aggregation that && kind == that.kind && k == that.k;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, k);
  }

  @Override
  public String toString() {
    return kind == Kind.TOP_K_MEAN ? "top-" + k + "-mean" : kind.name().toLowerCase().replace('_', '-');
  }
}
