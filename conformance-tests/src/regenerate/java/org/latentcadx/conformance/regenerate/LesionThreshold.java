package org.latentcadx.conformance.regenerate;

import java.util.Arrays;

/**
 * Chooses the lesion threshold of an image case so that the golden lesion list is stable: no golden map
 * value may lie so close to the threshold that an error within tolerance moves a pixel across it.
 *
 * <p>The model's decision threshold is kept when every map value is at least {@link #MIN_MARGIN} from it
 * and some pixel reaches it. Otherwise (an untrained model's map hovers around one value) the threshold
 * is the midpoint of the widest gap between consecutive map values among those leaving at most 0.5 % and at
 * least {@link #MIN_PIXELS_ABOVE} of the pixels above it, so the case still has lesions — unless that
 * gap is narrower than {@link #MIN_MARGIN} too (a nearly constant map), when the decision threshold is
 * kept and the case has no lesion.
 */
final class LesionThreshold {

  /** Smallest distance of any golden map value to a kept decision threshold. */
  static final double MIN_MARGIN = 2e-5;

  /** Fewest map pixels a chosen (not decision) threshold leaves above it. */
  static final int MIN_PIXELS_ABOVE = 10;

  /** A threshold and the distance of the nearest map value to it. */
  record Choice(float threshold, double margin) {}

  private LesionThreshold() {}

  static Choice choose(float[] map, float decisionThreshold) {
    float[] sorted = map.clone();
    Arrays.sort(sorted);
    double decisionMargin = margin(sorted, decisionThreshold);
    if (decisionMargin >= MIN_MARGIN && sorted[sorted.length - 1] >= decisionThreshold) {
      return new Choice(decisionThreshold, decisionMargin);
    }
    int n = sorted.length;
    int from = Math.max(1, (int) (n * 0.995));
    int to = Math.max(from, n - MIN_PIXELS_ABOVE);
    int best = from;
    for (int i = from; i <= to; i++) {
      if (sorted[i] - sorted[i - 1] > sorted[best] - sorted[best - 1]) {
        best = i;
      }
    }
    float threshold = (float) ((sorted[best - 1] + (double) sorted[best]) / 2);
    Choice gap = new Choice(threshold, margin(sorted, threshold));
    // A map with no gap there (e.g. a gated mask that is one tiny value nearly everywhere) gets the
    // decision threshold after all: a case without lesions is stable, one at a zero margin is not.
    return gap.margin() < MIN_MARGIN && decisionMargin >= MIN_MARGIN
        ? new Choice(decisionThreshold, decisionMargin)
        : gap;
  }

  private static double margin(float[] sorted, float threshold) {
    int i = Arrays.binarySearch(sorted, threshold);
    if (i >= 0) {
      return 0;
    }
    int above = -i - 1;
    double margin = Double.POSITIVE_INFINITY;
    if (above < sorted.length) {
      margin = sorted[above] - (double) threshold;
    }
    if (above > 0) {
      margin = Math.min(margin, threshold - (double) sorted[above - 1]);
    }
    return margin;
  }
}
