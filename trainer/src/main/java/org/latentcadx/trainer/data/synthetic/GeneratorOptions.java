package org.latentcadx.trainer.data.synthetic;

/**
 * What the synthetic mammogram generator draws. Lengths are in downsampled pixels (≈0.2 mm; the
 * original scale is 4× finer), grey levels in fractions of the 16-bit range.
 *
 * @param scale 4 for full-field images at the original scale, 1 for images directly at the
 *     downsampled scale
 * @param width image width at the downsampled scale
 * @param height image height at the downsampled scale
 * @param vessels whether to draw blood vessels
 * @param textureBeta spectral exponent β of the fibroglandular texture (1/f^β)
 * @param massRadiusMin smallest mass radius
 * @param massRadiusMax largest mass radius
 * @param massContrastMin weakest mass contrast (added grey level at full thickness)
 * @param massContrastMax strongest mass contrast
 * @param calcCountMin fewest specks in a calcification cluster
 * @param calcCountMax most specks in a calcification cluster
 * @param calcSpreadMin smallest cluster radius
 * @param calcSpreadMax largest cluster radius
 * @param calcContrastMin weakest speck brightness
 * @param calcContrastMax strongest speck brightness
 * @param massMarginMin smallest mean gap between a mass and its hand-drawn outline
 * @param massMarginMax largest mean gap for masses
 * @param calcMarginMin smallest mean gap between a cluster's specks and its outline
 * @param calcMarginMax largest mean gap for calcifications
 * @param cutShare share of outlines drawn to cut into their lesion
 */
public record GeneratorOptions(
    int scale,
    int width,
    int height,
    boolean vessels,
    double textureBeta,
    double massRadiusMin,
    double massRadiusMax,
    double massContrastMin,
    double massContrastMax,
    int calcCountMin,
    int calcCountMax,
    double calcSpreadMin,
    double calcSpreadMax,
    double calcContrastMin,
    double calcContrastMax,
    double massMarginMin,
    double massMarginMax,
    double calcMarginMin,
    double calcMarginMax,
    double cutShare) {

  public GeneratorOptions {
    if (scale != 1 && scale != 4) {
      throw new IllegalArgumentException("scale must be 1 (downsampled) or 4 (original), got " + scale);
    }
    if (width < 256 || height < 256) {
      throw new IllegalArgumentException("image must be at least 256×256 downsampled, got " + width + "×" + height);
    }
    if (!(0 < massRadiusMin && massRadiusMin <= massRadiusMax)
        || !(0 < massContrastMin && massContrastMin <= massContrastMax)
        || !(1 <= calcCountMin && calcCountMin <= calcCountMax)
        || !(0 < calcSpreadMin && calcSpreadMin <= calcSpreadMax)
        || !(0 < calcContrastMin && calcContrastMin <= calcContrastMax)
        || !(0 <= massMarginMin && massMarginMin <= massMarginMax)
        || !(0 <= calcMarginMin && calcMarginMin <= calcMarginMax)
        || !(0 <= cutShare && cutShare <= 1)) {
      throw new IllegalArgumentException("inconsistent generator options: " + this);
    }
  }

  /** Defaults: downsampled 1000×1500 images, vessels on, β = 3, ≈5% of outlines cutting in. */
  public static GeneratorOptions defaults() {
    return new GeneratorOptions(
        1, 1000, 1500, true, 3.0, 10, 45, 0.04, 0.14, 3, 40, 4, 20, 0.1, 0.3, 3, 14, 12, 40, 0.05);
  }

  /**
   * Settings outside the default ranges, for a test set that measures how a model trained on the
   * defaults copes with other data: a smoother texture (β 2.6), fainter masses (contrast 0.02–0.04,
   * below the default minimum) of wider size range (radius 8–55), fainter calcifications (0.05–0.1)
   * in larger clusters (3–60 specks), wider outline margins (masses 14–24 px, calcifications 40–55 px)
   * and three times as many outlines cutting into their lesion.
   */
  public static GeneratorOptions outsideDefaultRanges() {
    return new GeneratorOptions(
        1, 1000, 1500, true, 2.6, 8, 55, 0.02, 0.04, 3, 60, 4, 24, 0.05, 0.1, 14, 24, 40, 55, 0.15);
  }

  /** A copy at another scale (1 or 4). */
  public GeneratorOptions withScale(int newScale) {
    return new GeneratorOptions(
        newScale, width, height, vessels, textureBeta, massRadiusMin, massRadiusMax, massContrastMin,
        massContrastMax, calcCountMin, calcCountMax, calcSpreadMin, calcSpreadMax, calcContrastMin,
        calcContrastMax, massMarginMin, massMarginMax, calcMarginMin, calcMarginMax, cutShare);
  }

  /** A copy with another image size (downsampled pixels). */
  public GeneratorOptions withSize(int newWidth, int newHeight) {
    return new GeneratorOptions(
        scale, newWidth, newHeight, vessels, textureBeta, massRadiusMin, massRadiusMax, massContrastMin,
        massContrastMax, calcCountMin, calcCountMax, calcSpreadMin, calcSpreadMax, calcContrastMin,
        calcContrastMax, massMarginMin, massMarginMax, calcMarginMin, calcMarginMax, cutShare);
  }

  /** A copy without vessels. */
  public GeneratorOptions withoutVessels() {
    return new GeneratorOptions(
        scale, width, height, false, textureBeta, massRadiusMin, massRadiusMax, massContrastMin,
        massContrastMax, calcCountMin, calcCountMax, calcSpreadMin, calcSpreadMax, calcContrastMin,
        calcContrastMax, massMarginMin, massMarginMax, calcMarginMin, calcMarginMax, cutShare);
  }

  /** A copy with another share of outlines that cut into their lesion. */
  public GeneratorOptions withCutShare(double share) {
    return new GeneratorOptions(
        scale, width, height, vessels, textureBeta, massRadiusMin, massRadiusMax, massContrastMin,
        massContrastMax, calcCountMin, calcCountMax, calcSpreadMin, calcSpreadMax, calcContrastMin,
        calcContrastMax, massMarginMin, massMarginMax, calcMarginMin, calcMarginMax, share);
  }
}
