package org.latentcadx.trainer.data.synthetic;

import java.util.Random;

/**
 * What the synthetic mammogram generator draws. Every varying property is a {@link Range} that each
 * image (or lesion, or outline) draws from uniformly. Lengths are in downsampled pixels (≈0.2 mm; the
 * original scale is 4× finer), grey levels in fractions of the 16-bit range.
 *
 * @param scale 4 for full-field images at the original scale, 1 for images directly at the
 *     downsampled scale
 * @param width image width at the downsampled scale
 * @param height image height at the downsampled scale
 * @param vessels whether to draw blood vessels
 * @param textureBeta spectral exponent β of the fibroglandular texture (1/f^β), per image
 * @param gain detector gain: grey levels are multiplied by it, per image
 * @param offset detector offset: added to grey levels after the gain, per image
 * @param noise standard deviation of the detector noise (at the downsampled scale), per image
 * @param massRadius mass radius
 * @param massContrast mass contrast (added grey level at full thickness); low values are faint
 * @param calcCount specks in a calcification cluster (rounded down)
 * @param calcSpread calcification cluster radius
 * @param calcContrast speck brightness
 * @param calcSize multiplier of the speck sizes of each calcification type, per cluster
 * @param massMargin mean gap between a mass and its hand-drawn outline
 * @param calcMargin mean gap between a cluster's specks and its outline
 * @param outlineWobble multiplier of the hand-drawn outline's low-frequency irregularity
 * @param cutShare share of outlines drawn to cut into their lesion
 */
public record GeneratorOptions(
    int scale,
    int width,
    int height,
    boolean vessels,
    Range textureBeta,
    Range gain,
    Range offset,
    Range noise,
    Range massRadius,
    Range massContrast,
    Range calcCount,
    Range calcSpread,
    Range calcContrast,
    Range calcSize,
    Range massMargin,
    Range calcMargin,
    Range outlineWobble,
    double cutShare) {

  /**
   * A closed interval {@code [min, max]} drawn from uniformly.
   *
   * @param min smallest value
   * @param max largest value (equal to {@code min} for a fixed value)
   */
  public record Range(double min, double max) {

    public Range {
      if (!(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
        throw new IllegalArgumentException("range must have finite min ≤ max, got [" + min + ", " + max + "]");
      }
    }

    /** A range holding one value. */
    public static Range of(double value) {
      return new Range(value, value);
    }

    /** A uniform draw. */
    double draw(Random random) {
      return min + (max - min) * random.nextDouble();
    }

    /** Where {@code value} lies in the range: 0 at {@code min}, 1 at {@code max} (0 for a fixed value). */
    double position(double value) {
      return max == min ? 0 : (value - min) / (max - min);
    }

    /** Whether the two ranges share no value. */
    public boolean disjointFrom(Range other) {
      return max < other.min || other.max < min;
    }

    @Override
    public String toString() {
      return min == max ? Double.toString(min) : "[" + min + ", " + max + "]";
    }
  }

  public GeneratorOptions {
    if (scale != 1 && scale != 4) {
      throw new IllegalArgumentException("scale must be 1 (downsampled) or 4 (original), got " + scale);
    }
    if (width < 256 || height < 256) {
      throw new IllegalArgumentException("image must be at least 256×256 downsampled, got " + width + "×" + height);
    }
    if (!(textureBeta.min() > 0 && gain.min() > 0 && noise.min() >= 0 && massRadius.min() > 0
            && massContrast.min() > 0 && calcCount.min() >= 1 && calcSpread.min() > 0
            && calcContrast.min() > 0 && calcSize.min() > 0 && massMargin.min() >= 0
            && calcMargin.min() >= 0 && outlineWobble.min() >= 0)
        || !(0 <= cutShare && cutShare <= 1)) {
      throw new IllegalArgumentException("inconsistent generator options: " + this);
    }
  }

  /**
   * The training ranges: downsampled 1000×1500 images, vessels on, texture β 2.8–3.3, gain 0.85–1.15,
   * offset −0.02…0.03, noise 0.002–0.007, masses of radius 8–50 and contrast 0.03 (faint) to 0.14,
   * clusters of 3–50 specks of brightness 0.08–0.3 and size ×0.8–1.25, outline margins 2–16 px (masses)
   * and 10–44 px (calcifications), outline irregularity ×0.6–1.4, 10 % of outlines cutting in.
   */
  public static GeneratorOptions defaults() {
    return new GeneratorOptions(
        1, 1000, 1500, true, new Range(2.8, 3.3), new Range(0.85, 1.15), new Range(-0.02, 0.03),
        new Range(0.002, 0.007), new Range(8, 50), new Range(0.03, 0.14), new Range(3, 50), new Range(4, 22),
        new Range(0.08, 0.3), new Range(0.8, 1.25), new Range(2, 16), new Range(10, 44), new Range(0.6, 1.4),
        0.1);
  }

  /**
   * Settings outside the training ranges, for a test set that measures how a model trained on the
   * defaults copes with other data: a smoother texture (β 2.5), a higher gain (1.2–1.3) and offset
   * (0.04–0.06), more noise (0.009–0.012), fainter masses (contrast 0.015–0.03) and calcifications
   * (0.04–0.08) with larger specks (×1.3–1.5), wider outline margins (masses 16–26 px, calcifications
   * 44–58 px), more irregular outlines (×1.5–2) and two and a half times as many outlines cutting in.
   * Mass size and calcification count and spread stay within the training ranges.
   */
  public static GeneratorOptions outsideDefaultRanges() {
    return new GeneratorOptions(
        1, 1000, 1500, true, Range.of(2.5), new Range(1.2, 1.3), new Range(0.04, 0.06),
        new Range(0.009, 0.012), new Range(8, 50), new Range(0.015, 0.03), new Range(3, 50), new Range(4, 22),
        new Range(0.04, 0.08), new Range(1.3, 1.5), new Range(16, 26), new Range(44, 58), new Range(1.5, 2.0),
        0.25);
  }

  /** A copy at another scale (1 or 4). */
  public GeneratorOptions withScale(int newScale) {
    return new GeneratorOptions(
        newScale, width, height, vessels, textureBeta, gain, offset, noise, massRadius, massContrast, calcCount,
        calcSpread, calcContrast, calcSize, massMargin, calcMargin, outlineWobble, cutShare);
  }

  /** A copy with another image size (downsampled pixels). */
  public GeneratorOptions withSize(int newWidth, int newHeight) {
    return new GeneratorOptions(
        scale, newWidth, newHeight, vessels, textureBeta, gain, offset, noise, massRadius, massContrast,
        calcCount, calcSpread, calcContrast, calcSize, massMargin, calcMargin, outlineWobble, cutShare);
  }

  /** A copy without vessels. */
  public GeneratorOptions withoutVessels() {
    return new GeneratorOptions(
        scale, width, height, false, textureBeta, gain, offset, noise, massRadius, massContrast, calcCount,
        calcSpread, calcContrast, calcSize, massMargin, calcMargin, outlineWobble, cutShare);
  }

  /** A copy with another share of outlines that cut into their lesion. */
  public GeneratorOptions withCutShare(double share) {
    return new GeneratorOptions(
        scale, width, height, vessels, textureBeta, gain, offset, noise, massRadius, massContrast, calcCount,
        calcSpread, calcContrast, calcSize, massMargin, calcMargin, outlineWobble, share);
  }
}
