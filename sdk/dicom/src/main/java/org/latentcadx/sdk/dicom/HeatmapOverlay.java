package org.latentcadx.sdk.dicom;

import static org.latentcadx.sdk.dicom.Attributes.put;
import static org.latentcadx.sdk.dicom.Attributes.putInts;
import static org.latentcadx.sdk.dicom.Attributes.putSequence;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.time.LocalDateTime;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.ProbabilityMap;
import org.latentcadx.sdk.render.OverlayRenderer;

/**
 * Builds an RGB Secondary Capture of a scored image for viewers without SEG support: the picture {@link
 * OverlayRenderer} draws (the same as the command line's overlay PNG), at the image's own size. Same study as the source, new series, Source Image Sequence naming the
 * source. A picture for people, not data: the SEG is the machine-readable result.
 */
final class HeatmapOverlay {

  static final String SECONDARY_CAPTURE_STORAGE = "1.2.840.10008.5.1.4.1.1.7";
  private static final int SERIES_NUMBER = 9102;

  private HeatmapOverlay() {}

  /** The overlay of {@code map} on {@code source}. */
  static AttributeList build(DicomImage source, ProbabilityMap map, double threshold,
      AlgorithmIdentity algorithm) throws LatentCadxException, DicomException {
    MammogramImage image = source.image();
    byte[] rgb = render(image, map, threshold);
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

  /** The overlay ({@link OverlayRenderer}) at the image's own size, interleaved RGB, padded to an even length. */
  static byte[] render(MammogramImage image, ProbabilityMap map, double threshold) {
    BufferedImage picture = OverlayRenderer.render(image, map, threshold, Integer.MAX_VALUE);
    int pixels = image.width() * image.height();
    // the picture's own pixels (TYPE_INT_RGB), not a copy: at full size a copy is another 4 bytes a pixel
    int[] argb = ((DataBufferInt) picture.getRaster().getDataBuffer()).getData();
    byte[] rgb = new byte[pixels * 3 + (pixels * 3) % 2];
    for (int i = 0; i < pixels; i++) {
      rgb[3 * i] = (byte) (argb[i] >> 16);
      rgb[3 * i + 1] = (byte) (argb[i] >> 8);
      rgb[3 * i + 2] = (byte) argb[i];
    }
    return rgb;
  }
}
