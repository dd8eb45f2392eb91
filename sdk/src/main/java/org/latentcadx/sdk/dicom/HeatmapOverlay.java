package org.latentcadx.sdk.dicom;

import static org.latentcadx.sdk.dicom.Attributes.put;
import static org.latentcadx.sdk.dicom.Attributes.putInts;
import static org.latentcadx.sdk.dicom.Attributes.putSequence;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import java.time.LocalDateTime;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.MammogramImage;

/**
 * Builds an RGB Secondary Capture of a scored image for viewers without SEG support: the mammogram in
 * grey (its full range stretched to 0..255), the lesion probability blended over it in colour (blue →
 * red, more opaque where more probable, nothing below {@link #DISPLAY_FLOOR}), and the outline of the
 * thresholded mask in white. Same study as the source, new series, Source Image Sequence naming the
 * source. A picture for people, not data: the SEG is the machine-readable result.
 */
final class HeatmapOverlay {

  static final String SECONDARY_CAPTURE_STORAGE = "1.2.840.10008.5.1.4.1.1.7";
  /** Probabilities below this are not drawn. */
  static final float DISPLAY_FLOOR = 0.1f;
  private static final float MAX_OPACITY = 0.6f;
  private static final int SERIES_NUMBER = 9102;

  private HeatmapOverlay() {}

  /** The overlay of {@code probability} (at the source's size) on {@code source}. */
  static AttributeList build(DicomImage source, float[] probability, double threshold,
      AlgorithmIdentity algorithm) throws LatentCadxException, DicomException {
    MammogramImage image = source.image();
    byte[] rgb = render(image, probability, threshold);
    AttributeList list = DerivedObject.start(source.source(), SECONDARY_CAPTURE_STORAGE, "OT",
        SERIES_NUMBER, "LatentCADx lesion heatmap", algorithm, LocalDateTime.now());
    if (Attributes.string(list, "ImageLaterality").isEmpty()) {
      put(list, "Laterality"); // type 2C in General Series when Image Laterality is absent
    }
    put(list, "ConversionType", "WSD");
    put(list, "ImageType", "DERIVED", "SECONDARY");
    put(list, "DerivationDescription", "Lesion probability by " + algorithm.name() + " "
        + algorithm.version() + " blended over the source image; outline at probability " + threshold);
    put(list, "BurnedInAnnotation", "NO");
    putSequence(list, "SourceImageSequence", DerivedObject.sourceImageItem(source.source()));
    putInts(list, "Rows", image.height());
    putInts(list, "Columns", image.width());
    putInts(list, "SamplesPerPixel", 3);
    put(list, "PhotometricInterpretation", "RGB");
    putInts(list, "PlanarConfiguration", 0);
    putInts(list, "BitsAllocated", 8);
    putInts(list, "BitsStored", 8);
    putInts(list, "HighBit", 7);
    putInts(list, "PixelRepresentation", 0);
    put(list, "LossyImageCompression", "00");
    OtherByteAttribute pixelData = new OtherByteAttribute(Attributes.tag("PixelData"));
    pixelData.setValues(rgb);
    list.put(pixelData);
    return list;
  }

  /** Interleaved RGB, padded to an even length. */
  static byte[] render(MammogramImage image, float[] probability, double threshold) {
    float[] grey = image.pixels();
    float low = Float.POSITIVE_INFINITY;
    float high = Float.NEGATIVE_INFINITY;
    for (float value : grey) {
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
    float scale = high > low ? 255f / (high - low) : 0f;
    int width = image.width();
    int height = image.height();
    byte[] rgb = new byte[grey.length * 3 + (grey.length * 3) % 2];
    for (int i = 0; i < grey.length; i++) {
      float level = (grey[i] - low) * scale;
      float p = probability[i];
      float[] colour = {level, level, level};
      if (isOutline(probability, i % width, i / width, width, height, threshold)) {
        colour = new float[] {255, 255, 255};
      } else if (p >= DISPLAY_FLOOR) {
        float opacity = MAX_OPACITY * p;
        float[] heat = heatColour(p);
        for (int c = 0; c < 3; c++) {
          colour[c] = (1 - opacity) * level + opacity * heat[c];
        }
      }
      for (int c = 0; c < 3; c++) {
        rgb[3 * i + c] = (byte) Math.round(Math.min(255f, Math.max(0f, colour[c])));
      }
    }
    return rgb;
  }

  /** Blue (0) through cyan, yellow to red (1). */
  private static float[] heatColour(float p) {
    float r = Math.min(1f, Math.max(0f, 2f * p - 0.5f));
    float g = Math.min(1f, Math.max(0f, 1.5f - Math.abs(4f * p - 2f)));
    float b = Math.min(1f, Math.max(0f, 1.5f - 2f * p));
    return new float[] {255 * r, 255 * g, 255 * b};
  }

  /** A mask pixel with a 4-neighbour outside the mask (or on the image border). */
  private static boolean isOutline(float[] p, int x, int y, int width, int height, double threshold) {
    if (p[y * width + x] < threshold) {
      return false;
    }
    return x == 0 || y == 0 || x == width - 1 || y == height - 1
        || p[y * width + x - 1] < threshold || p[y * width + x + 1] < threshold
        || p[(y - 1) * width + x] < threshold || p[(y + 1) * width + x] < threshold;
  }
}
