package org.latentcadx.sdk.dicom;

import org.latentcadx.sdk.dicom.ImageHeader.Padding;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.MammogramImage;

/**
 * Stored values to grey levels with MONOCHROME2 semantics (larger is denser): the Modality LUT
 * (Rescale Slope and Intercept) is applied, and a MONOCHROME1 image is inverted over the modality range
 * its Bits Stored can represent, so that the range maps onto itself. No VOI LUT or window is applied.
 * Padding pixels (Pixel Padding Value, up to Pixel Padding Range Limit) become the lowest grey level of
 * that range, the least dense: background, as air outside the breast is, whichever way the image is
 * inverted.
 *
 * <p>When every grey level the stored range can give is an integer that fits 16 bits (slope 1 and an
 * integral intercept, as mammograms have), the image keeps 16-bit values, converted in place; otherwise
 * it holds floats.
 */
final class GreyLevels {

  /** Contains no stored value. */
  private static final Padding NO_PADDING = new Padding(1, 0);

  private GreyLevels() {}

  static MammogramImage image(short[] stored, ImageHeader header) throws LatentCadxException {
    int bits = header.bitsStored();
    double lowestStored = header.signed() ? -(1L << (bits - 1)) : 0;
    double highestStored = header.signed() ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
    double slope = header.rescaleSlope();
    double intercept = header.rescaleIntercept();
    double rangeEnds = lowestStored * slope + intercept + highestStored * slope + intercept;
    double lowestGrey = Math.min(lowestStored * slope + intercept, highestStored * slope + intercept);
    double highestGrey = Math.max(lowestStored * slope + intercept, highestStored * slope + intercept);
    boolean integral = slope == 1 && intercept == Math.rint(intercept);
    boolean unsignedWords = integral && lowestGrey >= 0 && highestGrey <= 0xFFFF;
    boolean signedWords = integral && lowestGrey >= Short.MIN_VALUE && highestGrey <= Short.MAX_VALUE;
    Padding padding = header.padding().orElse(NO_PADDING);
    if (unsignedWords || signedWords) {
      int offset = (int) intercept;
      int ends = (int) rangeEnds;
      int background = (int) lowestGrey;
      // the words already are the levels
      boolean unchanged = offset == 0 && !header.monochrome1() && header.padding().isEmpty();
      if (!unchanged) {
        for (int i = 0; i < stored.length; i++) {
          int value = storedValue(stored[i], header);
          int modality = value + offset;
          stored[i] = (short) (padding.contains(value) ? background
              : header.monochrome1() ? ends - modality : modality);
        }
      }
      return MammogramImage.ofShorts(
          header.columns(), header.rows(), stored, !unsignedWords, header.metadata());
    }
    float[] grey = new float[stored.length];
    for (int i = 0; i < stored.length; i++) {
      int value = storedValue(stored[i], header);
      double modality = value * slope + intercept;
      grey[i] = (float) (padding.contains(value) ? lowestGrey
          : header.monochrome1() ? rangeEnds - modality : modality);
    }
    return MammogramImage.ofFloats(header.columns(), header.rows(), grey, header.metadata());
  }

  private static int storedValue(short word, ImageHeader header) {
    return header.signed() ? word : Short.toUnsignedInt(word);
  }
}
