package org.latentcadx.trainer.train;

import java.util.Locale;

/**
 * How LatentCADx's mask terms are formed from the outline (the baseline ignores this).
 *
 * @param weighting how the in-outline and out-of-outline squared terms are normalised
 * @param topFraction the share of each outline's pixels, the most lesion-like by the current mask, that
 *     the in-outline term pushes up (multiple-instance learning: the outline says "the lesion is in
 *     here", not "all of this is lesion"); 1 pushes up every in-outline pixel, as the paper does
 * @param pairwiseWeight λ of the grey-level consistency term (0: off): neighbouring pixels of similar
 *     grey level are pulled towards the same mask value, so that a lesion separates from unlike margin
 *     tissue
 * @param pairwiseSigma grey-level difference (image units, [0, 1]) at which a pair's pull has fallen to
 *     e^(−1/2)
 */
public record MaskLoss(
    Weighting weighting, double topFraction, double pairwiseWeight, double pairwiseSigma) {

  /** How the two squared terms are normalised. */
  public enum Weighting {
    /**
     * The paper's literal reading: each term is the per-patch mean over its own region, averaged over
     * all patches of the batch (normal patches add a 0 to the in-outline mean). A pixel inside a small
     * outline then weighs far more than one outside.
     */
    PAPER_REGION_MEANS,
    /** Per-patch region means, the in-outline term averaged over lesion patches only. */
    REGION_MEANS,
    /**
     * Both terms are sums over the batch's pixels divided by the same pixel count, so β/γ is the ratio
     * of the weights of one pixel inside and one outside the outline.
     */
    PIXELS
  }

  /**
   * Pixel distances between the two pixels of a pair of the consistency term. Distance 1 is needed: with
   * distance 2 alone, a mask that alternates row by row (a stripe artefact a stride-2 transposed
   * convolution can learn) costs nothing, and a bundled model did learn one.
   */
  public static final int[] PAIR_DILATIONS = {1, 2};

  /** The paper's two terms as it states them (region means over all patches, every pixel pushed up). */
  public static final MaskLoss PAPER = new MaskLoss(Weighting.PAPER_REGION_MEANS, 1, 0, 0.05);

  public MaskLoss {
    if (!(topFraction > 0 && topFraction <= 1)) {
      throw new IllegalArgumentException("top fraction must be in (0, 1], got " + topFraction);
    }
    if (!(pairwiseWeight >= 0) || !(pairwiseSigma > 0)) {
      throw new IllegalArgumentException(
          "pairwise weight must be ≥ 0 and sigma > 0, got " + pairwiseWeight + ", " + pairwiseSigma);
    }
  }

  /** A weighting by its command-line name: {@code paper-region-means}, {@code region-means}, {@code pixels}. */
  public static Weighting weighting(String name) {
    try {
      return Weighting.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown mask weighting '" + name + "', expected paper-region-means, region-means or pixels");
    }
  }

  /** Whether only the top fraction of each outline is pushed up. */
  public boolean multipleInstance() {
    return topFraction < 1;
  }

  /** A short description for provenance metadata. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "weighting=%s,top_fraction=%s,pairwise=%s,pairwise_sigma=%s",
        weighting.name().toLowerCase(Locale.ROOT).replace('_', '-'),
        topFraction,
        pairwiseWeight,
        pairwiseSigma);
  }
}
