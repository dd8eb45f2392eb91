package org.latentcadx.sdk.dicom;

import static org.latentcadx.sdk.dicom.Attributes.put;
import static org.latentcadx.sdk.dicom.Attributes.putInts;
import static org.latentcadx.sdk.dicom.Attributes.putSequence;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.time.LocalDateTime;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.ProbabilityMap;
import org.latentcadx.sdk.render.OverlayRenderer;

/**
 * Builds a colour Secondary Capture of a scored image for viewers without SEG support: the picture {@link
 * OverlayRenderer} draws (the same as the command line's overlay PNG), at display size (at most {@value
 * #DISPLAY_MAX_SIDE} pixels on its long side, the image's own size when smaller: a full-size RGB copy of
 * a mammogram is 72 MB and shows nothing more on a screen). Same study as the source, new series, Source
 * Image Sequence naming the source. A picture for people, not data: the SEG and the CAD SR are the
 * machine-readable results, at the source's own geometry. Stored as YBR_FULL in RLE Lossless
 * ({@link RleLossless}).
 */
final class HeatmapOverlay {

  static final String SECONDARY_CAPTURE_STORAGE = "1.2.840.10008.5.1.4.1.1.7";
  private static final int SERIES_NUMBER = 9102;

  /** The long side of the secondary capture, at most: a high-resolution display. */
  static final int DISPLAY_MAX_SIDE = 2048;

  private HeatmapOverlay() {}

  /** The overlay of {@code map} on {@code source}. */
  static AttributeList build(DicomImage source, ProbabilityMap map, double threshold,
      AlgorithmIdentity algorithm) throws LatentCadxException, DicomException {
    MammogramImage image = source.image();
    BufferedImage picture = OverlayRenderer.render(image, map, threshold, DISPLAY_MAX_SIDE);
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
    putInts(list, "Rows", picture.getHeight());
    putInts(list, "Columns", picture.getWidth());
    putInts(list, "SamplesPerPixel", 3);
    put(list, "PhotometricInterpretation", RleLossless.PHOTOMETRIC_INTERPRETATION);
    putInts(list, "PlanarConfiguration", 0);
    putInts(list, "BitsAllocated", 8);
    putInts(list, "BitsStored", 8);
    putInts(list, "HighBit", 7);
    putInts(list, "PixelRepresentation", 0);
    put(list, "LossyImageCompression", "00");
    // RLE Lossless: the picture's own pixels (TYPE_INT_RGB), encoded without an intermediate copy.
    int[] pixels = ((DataBufferInt) picture.getRaster().getDataBuffer()).getData();
    byte[] frame = RleLossless.encodeRgb(pixels, picture.getWidth(), picture.getHeight());
    list.put(new OtherByteAttributeMultipleCompressedFrames(Attributes.tag("PixelData"), new byte[][] {frame}));
    return list;
  }
}
