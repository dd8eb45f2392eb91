package org.latentcadx.trainer.train;

import org.latentcadx.trainer.data.Patch;

/**
 * How conspicuous a lesion patch's latent lesion is: its contrast-to-noise ratio, the mean grey level
 * on the latent lesion minus the mean on its surroundings, over the surroundings' standard deviation.
 * The surroundings are the outline's margin (inside the outline, outside the latent lesion), the
 * tissue a reader compares the lesion with; where the outline leaves no margin, every pixel outside the
 * latent lesion. A faint mass in dense, lumpy tissue scores low on both counts: small difference, large
 * spread.
 */
final class LesionContrast {
  private LesionContrast() {}

  /** The contrast-to-noise ratio, or NaN without latent truth or with an empty latent lesion. */
  static double of(Patch patch) {
    if (!patch.record().latentKnown()) {
      return Double.NaN;
    }
    double margin = contrast(patch, true);
    return Double.isNaN(margin) ? contrast(patch, false) : margin;
  }

  private static double contrast(Patch patch, boolean marginOnly) {
    float[] image = patch.image();
    byte[] latent = patch.latent();
    byte[] outline = patch.outline();
    double lesionSum = 0;
    int lesionCount = 0;
    double sum = 0;
    double squares = 0;
    int count = 0;
    for (int p = 0; p < image.length; p++) {
      if (latent[p] != 0) {
        lesionSum += image[p];
        lesionCount++;
      } else if (!marginOnly || outline[p] != 0) {
        sum += image[p];
        squares += (double) image[p] * image[p];
        count++;
      }
    }
    if (lesionCount == 0 || count < 2) {
      return Double.NaN;
    }
    double mean = sum / count;
    double spread = Math.sqrt(Math.max(0, squares / count - mean * mean));
    return (lesionSum / lesionCount - mean) / Math.max(spread, 1e-6);
  }
}
