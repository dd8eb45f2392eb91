package org.latentcadx.sdk.dicom;

/**
 * Stored values to grey levels with MONOCHROME2 semantics (larger is denser): the Modality LUT
 * (Rescale Slope and Intercept) is applied, and a MONOCHROME1 image is inverted over the modality range
 * its Bits Stored can represent, so that the range maps onto itself. No VOI LUT or window is applied.
 */
final class GreyLevels {

  private GreyLevels() {}

  static float[] of(int[] stored, ImageHeader header) {
    int bits = header.bitsStored();
    double lowestStored = header.signed() ? -(1L << (bits - 1)) : 0;
    double highestStored = header.signed() ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
    double slope = header.rescaleSlope();
    double intercept = header.rescaleIntercept();
    double rangeEnds = lowestStored * slope + intercept + highestStored * slope + intercept;
    float[] grey = new float[stored.length];
    for (int i = 0; i < stored.length; i++) {
      double modality = stored[i] * slope + intercept;
      grey[i] = (float) (header.monochrome1() ? rangeEnds - modality : modality);
    }
    return grey;
  }
}
