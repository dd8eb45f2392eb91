package org.latentcadx.sdk.dicom;

import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.MammogramImage;

/**
 * Stored values to grey levels with MONOCHROME2 semantics (larger is denser): the Modality LUT
 * (Rescale Slope and Intercept) is applied, and a MONOCHROME1 image is inverted over the modality range
 * its Bits Stored can represent, so that the range maps onto itself. No VOI LUT or window is applied.
 *
 * <p>When every grey level the stored range can give is an integer that fits 16 bits (slope 1 and an
 * integral intercept, as mammograms have), the image keeps 16-bit values, converted in place; otherwise
 * it holds floats.
 */
final class GreyLevels {

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
    if (unsignedWords || signedWords) {
      int offset = (int) intercept;
      int ends = (int) rangeEnds;
      boolean unchanged = offset == 0 && !header.monochrome1(); // the words already are the levels
      if (!unchanged) {
        for (int i = 0; i < stored.length; i++) {
          int modality = storedValue(stored[i], header) + offset;
          stored[i] = (short) (header.monochrome1() ? ends - modality : modality);
        }
      }
      return MammogramImage.ofShorts(
          header.columns(), header.rows(), stored, !unsignedWords, header.metadata());
    }
    float[] grey = new float[stored.length];
    for (int i = 0; i < stored.length; i++) {
      double modality = storedValue(stored[i], header) * slope + intercept;
      grey[i] = (float) (header.monochrome1() ? rangeEnds - modality : modality);
    }
    return MammogramImage.ofFloats(header.columns(), header.rows(), grey, header.metadata());
  }

  private static int storedValue(short word, ImageHeader header) {
    return header.signed() ? word : Short.toUnsignedInt(word);
  }
}
