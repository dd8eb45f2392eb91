package org.latentcadx.sdk;

import java.util.Objects;
import java.util.Optional;

/**
 * What is known about a mammogram beyond its pixels.
 *
 * @param source where the image came from (a file name, a SOP instance UID), used in error messages
 * @param pixelSpacingMm the physical size of one pixel in millimetres (row spacing = column spacing is
 *     not assumed), or empty when unknown
 * @param laterality which breast
 * @param view the view position, e.g. {@code "CC"} or {@code "MLO"}, or empty when unknown
 * @param bitsStored the number of significant bits of the stored grey levels (8 or 16 for PNG, the
 *     DICOM Bits Stored), or 0 when the pixels were given as floats with no stored bit depth
 */
public record ImageMetadata(
    String source,
    Optional<PixelSpacing> pixelSpacingMm,
    Laterality laterality,
    Optional<String> view,
    int bitsStored) {

  /** Which breast the image shows. */
  public enum Laterality {
    LEFT,
    RIGHT,
    UNKNOWN
  }

  /**
   * Physical pixel size.
   *
   * @param rowMm distance between the centres of adjacent rows, in millimetres
   * @param columnMm distance between the centres of adjacent columns, in millimetres
   */
  public record PixelSpacing(double rowMm, double columnMm) {
    public PixelSpacing {
      if (!(rowMm > 0 && Double.isFinite(rowMm)) || !(columnMm > 0 && Double.isFinite(columnMm))) {
        throw new IllegalArgumentException(
            "pixel spacing must be positive and finite, got " + rowMm + " x " + columnMm + " mm");
      }
    }
  }

  public ImageMetadata {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(pixelSpacingMm, "pixelSpacingMm");
    Objects.requireNonNull(laterality, "laterality");
    Objects.requireNonNull(view, "view");
    if (bitsStored < 0 || bitsStored > 32) {
      throw new IllegalArgumentException("bitsStored must be in [0, 32], got " + bitsStored);
    }
  }

  /** Metadata that knows only where the image came from. */
  public static ImageMetadata of(String source) {
    return new ImageMetadata(source, Optional.empty(), Laterality.UNKNOWN, Optional.empty(), 0);
  }

  /** A copy with the given bits stored. */
  public ImageMetadata withBitsStored(int bits) {
    return new ImageMetadata(source, pixelSpacingMm, laterality, view, bits);
  }
}
