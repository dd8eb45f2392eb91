package org.latentcadx.sdk.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import java.util.Optional;
import java.util.Set;
import org.latentcadx.sdk.ImageMetadata;
import org.latentcadx.sdk.ImageMetadata.Laterality;
import org.latentcadx.sdk.ImageMetadata.PixelSpacing;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;

/**
 * The image attributes the reader needs, taken from a header read without Pixel Data and checked against
 * what the reader supports before any pixel is read.
 */
record ImageHeader(
    int rows,
    int columns,
    int bitsAllocated,
    int bitsStored,
    int highBit,
    boolean signed,
    boolean monochrome1,
    double rescaleSlope,
    double rescaleIntercept,
    Optional<Padding> padding,
    ImageMetadata metadata) {

  /**
   * Pixel Padding Value and, when given, Pixel Padding Range Limit (PS3.3 C.7.5.1.1.2): the stored
   * values, from {@code low} to {@code high} inclusive, of pixels that are padding, not tissue.
   */
  record Padding(int low, int high) {
    boolean contains(int storedValue) {
      return storedValue >= low && storedValue <= high;
    }
  }

  private static final AttributeTag PIXEL_PADDING_VALUE = new AttributeTag(0x0028, 0x0120);
  private static final AttributeTag PIXEL_PADDING_RANGE_LIMIT = new AttributeTag(0x0028, 0x0121);

  /** Single-frame projection image storage classes the reader accepts. */
  static final Set<String> READABLE_SOP_CLASSES = Set.of(
      "1.2.840.10008.5.1.4.1.1.1.2", // Digital Mammography X-Ray Image Storage - For Presentation
      "1.2.840.10008.5.1.4.1.1.1.2.1", // Digital Mammography X-Ray Image Storage - For Processing
      "1.2.840.10008.5.1.4.1.1.1.1", // Digital X-Ray Image Storage - For Presentation
      "1.2.840.10008.5.1.4.1.1.1.1.1", // Digital X-Ray Image Storage - For Processing
      "1.2.840.10008.5.1.4.1.1.1", // Computed Radiography Image Storage
      "1.2.840.10008.5.1.4.1.1.7", // Secondary Capture Image Storage
      "1.2.840.10008.5.1.4.1.1.7.2", // Multi-frame Grayscale Byte Secondary Capture Image Storage
      "1.2.840.10008.5.1.4.1.1.7.3"); // Multi-frame Grayscale Word Secondary Capture Image Storage

  private static final AttributeTag MODALITY_LUT_SEQUENCE = new AttributeTag(0x0028, 0x3000);

  /** Reads and checks the header; {@code maxPixels} bounds Rows × Columns. */
  static ImageHeader from(AttributeList list, String source, long maxPixels) throws LatentCadxException {
    requireSingleFrame(list, source);
    String sopClass = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID);
    if (!READABLE_SOP_CLASSES.contains(sopClass)) {
      throw unsupported(source, "SOP class " + (sopClass.isEmpty() ? "(none)" : ShownValue.of(sopClass))
          + " is not a single-frame mammography, X-ray or secondary-capture image class");
    }
    if (list.get(MODALITY_LUT_SEQUENCE) != null) {
      throw unsupported(source, "has a Modality LUT Sequence; only Rescale Slope/Intercept is supported");
    }
    int samples = integer(list, TagFromName.SamplesPerPixel, 1);
    String photometric =
        Attribute.getSingleStringValueOrEmptyString(list, TagFromName.PhotometricInterpretation).trim();
    if (samples != 1 || !(photometric.equals("MONOCHROME1") || photometric.equals("MONOCHROME2"))) {
      throw unsupported(source, "has photometric interpretation '" + ShownValue.of(photometric) + "' with " + samples
          + " samples per pixel; only grey-level MONOCHROME1/MONOCHROME2 images are read");
    }
    int rows = integer(list, TagFromName.Rows, 0);
    int columns = integer(list, TagFromName.Columns, 0);
    if (rows <= 0 || columns <= 0) {
      throw corrupt(source, "has Rows x Columns " + rows + " x " + columns + "; both must be positive");
    }
    if ((long) rows * columns > maxPixels) {
      throw new LatentCadxException(ErrorCode.IMAGE_TOO_LARGE,
          source + ": image of " + columns + " x " + rows + " pixels exceeds the configured bound of "
              + maxPixels + " pixels");
    }
    int bitsAllocated = integer(list, TagFromName.BitsAllocated, 0);
    int bitsStored = integer(list, TagFromName.BitsStored, bitsAllocated);
    int highBit = integer(list, TagFromName.HighBit, bitsStored - 1);
    int pixelRepresentation = integer(list, TagFromName.PixelRepresentation, 0);
    if (bitsAllocated != 8 && bitsAllocated != 16) {
      throw unsupported(source, "has Bits Allocated " + bitsAllocated + "; 8 or 16 are read");
    }
    if (bitsStored < 1 || bitsStored > bitsAllocated || highBit < bitsStored - 1
        || highBit >= bitsAllocated || (pixelRepresentation != 0 && pixelRepresentation != 1)) {
      throw corrupt(source, "has inconsistent pixel description: Bits Allocated " + bitsAllocated
          + ", Bits Stored " + bitsStored + ", High Bit " + highBit + ", Pixel Representation "
          + pixelRepresentation);
    }
    double slope = decimal(list, TagFromName.RescaleSlope, 1, source);
    double intercept = decimal(list, TagFromName.RescaleIntercept, 0, source);
    if (slope == 0) {
      throw corrupt(source, "has Rescale Slope 0");
    }
    ImageMetadata metadata = new ImageMetadata(source, pixelSpacing(list), laterality(list),
        Optional.of(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.ViewPosition).trim())
            .filter(view -> !view.isEmpty()),
        bitsStored);
    return new ImageHeader(rows, columns, bitsAllocated, bitsStored, highBit, pixelRepresentation == 1,
        photometric.equals("MONOCHROME1"), slope, intercept,
        padding(list, pixelRepresentation == 1), metadata);
  }

  /**
   * The padding range, if Pixel Padding Value is given. Its VR is US or SS as Pixel Representation says;
   * a value read as unsigned 16 bits is taken back to its signed meaning for a signed image.
   */
  private static Optional<Padding> padding(AttributeList list, boolean signed) {
    if (list.get(PIXEL_PADDING_VALUE) == null) {
      return Optional.empty();
    }
    int value = storedMeaning(integer(list, PIXEL_PADDING_VALUE, 0), signed);
    int limit = list.get(PIXEL_PADDING_RANGE_LIMIT) == null
        ? value : storedMeaning(integer(list, PIXEL_PADDING_RANGE_LIMIT, value), signed);
    return Optional.of(new Padding(Math.min(value, limit), Math.max(value, limit)));
  }

  private static int storedMeaning(int value, boolean signed) {
    return signed && value > Short.MAX_VALUE ? value - 0x10000 : value;
  }

  /** Bytes of native Pixel Data this header needs. */
  long nativePixelBytes() {
    return (long) rows * columns * (bitsAllocated / 8);
  }

  /**
   * Pixel Spacing when present (calibrated), else Imager Pixel Spacing (at the detector). PixelMed reads
   * a malformed decimal string as 0, which is refused here like any spacing that is not positive and
   * finite: spacing is optional, so such a value leaves it unknown.
   */
  private static Optional<PixelSpacing> pixelSpacing(AttributeList list) {
    for (AttributeTag tag : new AttributeTag[] {TagFromName.PixelSpacing, TagFromName.ImagerPixelSpacing}) {
      double[] values = Attribute.getDoubleValues(list, tag);
      if (values != null && values.length == 2 && values[0] > 0 && values[1] > 0
          && Double.isFinite(values[0]) && Double.isFinite(values[1])) {
        return Optional.of(new PixelSpacing(values[0], values[1]));
      }
    }
    return Optional.empty();
  }

  private static Laterality laterality(AttributeList list) {
    String image = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.ImageLaterality).trim();
    String side = image.isEmpty()
        ? Attribute.getSingleStringValueOrEmptyString(list, TagFromName.Laterality).trim()
        : image;
    return switch (side) {
      case "L" -> Laterality.LEFT;
      case "R" -> Laterality.RIGHT;
      default -> Laterality.UNKNOWN;
    };
  }

  /**
   * One rule for Number of Frames, whatever the transfer syntax: absent or 1 is a single frame; a
   * whole number above 1 is a multi-frame object (unsupported); anything else (0, negative, not a
   * number) is corrupt.
   */
  private static void requireSingleFrame(AttributeList list, String source) throws LatentCadxException {
    String text = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.NumberOfFrames).trim();
    if (text.isEmpty() || text.equals("1")) {
      return;
    }
    java.math.BigInteger frames;
    try {
      frames = new java.math.BigInteger(text.startsWith("+") ? text.substring(1) : text);
    } catch (NumberFormatException e) {
      throw corrupt(source, "has Number of Frames '" + ShownValue.of(text) + "'; expected a whole number, 1 for an image");
    }
    if (frames.signum() <= 0) {
      throw corrupt(source, "has Number of Frames " + frames + "; expected 1 for an image");
    }
    if (!frames.equals(java.math.BigInteger.ONE)) {
      throw unsupported(source, "is a multi-frame object (" + frames + " frames, e.g. tomosynthesis); "
          + "only single-frame images are read");
    }
  }

  private static int integer(AttributeList list, AttributeTag tag, int absent) {
    return Attribute.getSingleIntegerValueOrDefault(list, tag, absent);
  }

  private static double decimal(AttributeList list, AttributeTag tag, double absent, String source)
      throws LatentCadxException {
    String text = Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
    if (text.isEmpty()) {
      return absent;
    }
    try {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw corrupt(source, "has a malformed " + tag + " value '" + ShownValue.of(text) + "'");
  }

  private static LatentCadxException unsupported(String source, String problem) {
    return new LatentCadxException(ErrorCode.UNSUPPORTED_FORMAT, source + ": " + problem);
  }

  private static LatentCadxException corrupt(String source, String problem) {
    return new LatentCadxException(ErrorCode.CORRUPT_INPUT, source + ": " + problem);
  }
}
