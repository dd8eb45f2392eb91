package org.latentcadx.sdk.internal.preprocess;

import java.util.Optional;
import org.latentcadx.sdk.DdsmScanner;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.model.ModelContract;
import org.latentcadx.sdk.model.ModelContract.Normalization;
import org.latentcadx.sdk.model.ModelContract.OdRange;

/**
 * Turns stored grey levels into model input in [0, 1], as the model's {@code latentcadx.normalization}
 * says:
 *
 * <ul>
 *   <li>{@code bits_stored}: {@code value / (2^bitsStored − 1)}, clamped to [0, 1]. An image given as
 *       floats without a bit depth ({@code bitsStored == 0}) must already be in [0, 1].
 *   <li>{@code optical_density}: the DDSM scanner's calibration gives OD; OD below {@code od_min}
 *       becomes 0, OD above {@code od_max} becomes {@code od_max}; then OD / {@code od_max} (e.g.
 *       [0.05, 3.0] → [0, 1]). Integral grey levels below 2^16 are looked up in a table built
 *       once per detector; other values go through the formula.
 * </ul>
 */
public final class GreyLevelNormalizer {

  /** Grey levels 0..65535 (DDSM scans are 12 or 16 bit) are normalised by table look-up. */
  private static final int TABLE_SIZE = 1 << 16;

  private final ModelContract contract;
  private final Optional<DdsmScanner> scanner;
  private final float[] densityTable;

  /**
   * @throws LatentCadxException {@code INVALID_ARGUMENT} when the model needs optical density and no
   *     scanner was chosen
   */
  public GreyLevelNormalizer(ModelContract contract, Optional<DdsmScanner> scanner)
      throws LatentCadxException {
    if (contract.normalization() == Normalization.OPTICAL_DENSITY && scanner.isEmpty()) {
      throw new LatentCadxException(
          ErrorCode.INVALID_ARGUMENT,
          "model '" + contract.modelName() + "' expects optical-density input"
              + " (latentcadx.normalization = optical_density); choose the DDSM scanner of the images"
              + " with LesionDetector.Builder.scanner(...)");
    }
    this.contract = contract;
    this.scanner = scanner;
    this.densityTable =
        contract.normalization() == Normalization.OPTICAL_DENSITY ? densityTable() : new float[0];
  }

  private float[] densityTable() {
    float[] table = new float[TABLE_SIZE];
    for (int level = 0; level < TABLE_SIZE; level++) {
      table[level] = scaledDensity(level);
    }
    return table;
  }

  /** The [0, 1] model input of one grey level under optical-density normalisation. */
  private float scaledDensity(float greyLevel) {
    OdRange range = contract.odRange().orElseThrow();
    double od = scanner.orElseThrow().opticalDensity(greyLevel);
    double clipped = od < range.min() ? 0 : Math.min(od, range.max());
    return (float) (clipped / range.max());
  }

  /**
   * Normalises row {@code y} of {@code image}, held in {@code row}, in place.
   *
   * @throws LatentCadxException {@code INVALID_IMAGE} when a float image without bit depth is outside
   *     [0, 1] under {@code bits_stored}
   */
  public void normalizeRow(float[] row, MammogramImage image, int y) throws LatentCadxException {
    if (contract.normalization() == Normalization.OPTICAL_DENSITY) {
      toOpticalDensity(row);
    } else {
      byBitsStored(row, image, y);
    }
  }

  private void toOpticalDensity(float[] values) {
    for (int i = 0; i < values.length; i++) {
      int level = (int) values[i];
      boolean tabulated = level == values[i] && level >= 0 && level < TABLE_SIZE;
      values[i] = tabulated ? densityTable[level] : scaledDensity(values[i]);
    }
  }

  private static void byBitsStored(float[] values, MammogramImage image, int y)
      throws LatentCadxException {
    int bits = image.metadata().bitsStored();
    if (bits == 0) {
      for (int x = 0; x < values.length; x++) {
        if (values[x] < 0 || values[x] > 1) {
          throw new LatentCadxException(
              ErrorCode.INVALID_IMAGE,
              image.metadata().source() + ": pixel (" + x + ", " + y + ") is " + values[x]
                  + " but the image has no bits stored; expected values in [0, 1] or"
                  + " ImageMetadata.bitsStored set");
        }
      }
      return;
    }
    // Float arithmetic on purpose: the JIT vectorises it (about 40 times faster than double here),
    // and value / maxLevel is the correctly rounded float quotient (maxLevel is exact up to 24 bits).
    float maxLevel = (float) (Math.pow(2, bits) - 1);
    for (int x = 0; x < values.length; x++) {
      values[x] = Math.max(0f, Math.min(1f, values[x] / maxLevel));
    }
  }
}
