package org.latentcadx.trainer.train;

import java.util.Locale;

/**
 * Draws the faintest lesion patches of the training split more often: within each lesion type, the
 * {@code share} of patches whose lesion has the lowest contrast-to-noise ratio against its
 * surroundings ({@link LesionContrast}) enters each pass over the lesion patches {@code weight} times
 * instead of once. Patches without latent truth are never counted faint. {@link #OFF} (weight 1) leaves
 * the batches exactly as without it.
 *
 * @param share faintest share of each lesion type's training patches, in [0, 1]
 * @param weight how many times each of them enters a pass, ≥ 1
 */
public record FaintLesionSampling(double share, int weight) {

  /** Every lesion patch once per pass. */
  public static final FaintLesionSampling OFF = new FaintLesionSampling(0, 1);

  public FaintLesionSampling {
    if (!(share >= 0 && share <= 1) || weight < 1) {
      throw new IllegalArgumentException(
          "faint-lesion share must be in [0, 1] and weight ≥ 1, got " + share + " and " + weight);
    }
  }

  /** Whether any patch is drawn more often than once per pass. */
  public boolean active() {
    return share > 0 && weight > 1;
  }

  /** A short description for provenance, e.g. "faintest 25 % of each lesion type ×3". */
  public String describe() {
    return active()
        ? String.format(Locale.ROOT, "faintest %s %% of each lesion type ×%d", 100 * share, weight)
        : "off";
  }
}
