package org.latentcadx.sdk.dicom;

import static org.latentcadx.sdk.dicom.Attributes.code;
import static org.latentcadx.sdk.dicom.Attributes.put;
import static org.latentcadx.sdk.dicom.Attributes.putInts;
import static org.latentcadx.sdk.dicom.Attributes.putSequence;
import static org.latentcadx.sdk.dicom.Attributes.putTags;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import java.time.LocalDateTime;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.ProbabilityMap;
import org.latentcadx.sdk.ProbabilityMap.UpsampleMethod;

/**
 * Builds a DICOM Segmentation (SEG) of one scored image: one segment, "Lesion" (SCT 52988006, category
 * SCT 49755003 morphologically abnormal structure), algorithm type AUTOMATIC, in one frame at the source
 * image's Rows × Columns, in a new series of the source's study, referencing the source image
 * (Referenced Series Sequence; Derivation Image functional group with Source Image Sequence).
 */
final class Segmentation {

  static final String SEGMENTATION_STORAGE = "1.2.840.10008.5.1.4.1.1.66.4";
  private static final int SERIES_NUMBER = 9101;
  private static final int MAX_FRACTIONAL_VALUE = 255;

  private Segmentation() {}

  /**
   * A BINARY segmentation of {@code map ≥ threshold} at the source's size (the map enlarged bilinearly,
   * one row at a time).
   */
  static AttributeList binary(DicomSource source, ProbabilityMap map, double threshold,
      AlgorithmIdentity algorithm) throws LatentCadxException, DicomException {
    int width = map.originalWidth();
    float[] row = new float[width];
    byte[] packed = new byte[evenLength((int) (((long) width * map.originalHeight() + 7) / 8))];
    float[] rowMaxima = rowMaxima(map);
    int factor = map.downsampleFactor();
    for (int y = 0; y < map.originalHeight(); y++) {
      // A bilinear value mixes map rows y / factor - 1 to y / factor + 1: where none of them reaches the
      // threshold, neither does the enlarged row (most rows of a mammogram).
      int mapRow = y / factor;
      float nearbyMaximum = rowMaxima[mapRow];
      if (mapRow > 0) {
        nearbyMaximum = Math.max(nearbyMaximum, rowMaxima[mapRow - 1]);
      }
      if (mapRow + 1 < rowMaxima.length) {
        nearbyMaximum = Math.max(nearbyMaximum, rowMaxima[mapRow + 1]);
      }
      if (nearbyMaximum < threshold) {
        continue;
      }
      map.copyOriginalRow(y, UpsampleMethod.BILINEAR, row);
      for (int x = 0, i = y * width; x < width; x++, i++) {
        if (row[x] >= threshold) {
          packed[i >> 3] |= (byte) (1 << (i & 7));
        }
      }
    }
    return build(source, packed, 1, "BINARY", "lesion probability >= " + threshold, algorithm);
  }

  private static float[] rowMaxima(ProbabilityMap map) {
    float[] values = map.values();
    float[] maxima = new float[map.height()];
    java.util.Arrays.fill(maxima, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < values.length; i++) {
      int y = i / map.width();
      maxima[y] = Math.max(maxima[y], values[i]);
    }
    return maxima;
  }

  /** A FRACTIONAL segmentation of type PROBABILITY, probabilities scaled to 0..255, at the source's size. */
  static AttributeList fractional(DicomSource source, ProbabilityMap map, AlgorithmIdentity algorithm)
      throws LatentCadxException, DicomException {
    int width = map.originalWidth();
    float[] row = new float[width];
    byte[] bytes = new byte[evenLength(Math.multiplyExact(width, map.originalHeight()))];
    for (int y = 0; y < map.originalHeight(); y++) {
      map.copyOriginalRow(y, UpsampleMethod.BILINEAR, row);
      for (int x = 0; x < width; x++) {
        bytes[y * width + x] =
            (byte) Math.round(Math.min(1f, Math.max(0f, row[x])) * MAX_FRACTIONAL_VALUE);
      }
    }
    return build(source, bytes, 8, "FRACTIONAL", "lesion probability", algorithm);
  }

  private static int evenLength(int length) {
    return length + (length & 1);
  }

  private static AttributeList build(DicomSource source, byte[] pixels, int bits, String type,
      String description, AlgorithmIdentity algorithm) throws LatentCadxException, DicomException {
    AttributeList list = DerivedObject.start(source, SEGMENTATION_STORAGE, "SEG", SERIES_NUMBER,
        "LatentCADx lesion segmentation", algorithm, LocalDateTime.now());
    frameOfReference(list, source);
    imagePixel(list, source, bits);
    segmentationImage(list, type, description, algorithm);
    functionalGroups(list, source);
    dimensions(list);
    DerivedObject.referenceSourceSeries(list, source);
    OtherByteAttribute pixelData = new OtherByteAttribute(Attributes.tag("PixelData"));
    pixelData.setValues(pixels);
    list.put(pixelData);
    return list;
  }

  private static void frameOfReference(AttributeList list, DicomSource source) throws DicomException {
    String frameOfReference = Attributes.string(source.attributes(), "FrameOfReferenceUID");
    if (!frameOfReference.isEmpty()) {
      put(list, "FrameOfReferenceUID", frameOfReference);
      put(list, "PositionReferenceIndicator");
    }
  }

  private static void imagePixel(AttributeList list, DicomSource source, int bits) throws DicomException {
    putInts(list, "Rows", source.rows());
    putInts(list, "Columns", source.columns());
    putInts(list, "SamplesPerPixel", 1);
    put(list, "PhotometricInterpretation", "MONOCHROME2");
    putInts(list, "BitsAllocated", bits);
    putInts(list, "BitsStored", bits);
    putInts(list, "HighBit", bits - 1);
    putInts(list, "PixelRepresentation", 0);
    put(list, "LossyImageCompression", "00");
    put(list, "NumberOfFrames", "1");
  }

  private static void segmentationImage(AttributeList list, String type, String description,
      AlgorithmIdentity algorithm) throws DicomException {
    put(list, "ImageType", "DERIVED", "PRIMARY");
    put(list, "ContentLabel", "LESION");
    put(list, "ContentDescription", "LatentCADx " + description);
    put(list, "ContentCreatorName");
    put(list, "SegmentationType", type);
    if (type.equals("FRACTIONAL")) {
      put(list, "SegmentationFractionalType", "PROBABILITY");
      putInts(list, "MaximumFractionalValue", MAX_FRACTIONAL_VALUE);
    }
    AttributeList segment = new AttributeList();
    putInts(segment, "SegmentNumber", 1);
    put(segment, "SegmentLabel", "Lesion");
    put(segment, "SegmentDescription", description);
    putSequence(segment, "SegmentedPropertyCategoryCodeSequence",
        code("49755003", "SCT", "Morphologically abnormal structure"));
    putSequence(segment, "SegmentedPropertyTypeCodeSequence", code("52988006", "SCT", "Lesion"));
    put(segment, "SegmentAlgorithmType", "AUTOMATIC");
    put(segment, "SegmentAlgorithmName", algorithm.name());
    AttributeList identification = new AttributeList();
    putSequence(identification, "AlgorithmFamilyCodeSequence",
        code("123109", "DCM", "Artificial Intelligence"));
    put(identification, "AlgorithmName", algorithm.name());
    put(identification, "AlgorithmVersion", algorithm.version());
    putSequence(segment, "SegmentationAlgorithmIdentificationSequence", identification);
    putSequence(list, "SegmentSequence", segment);
  }

  /** Shared: Derivation Image (the source); per frame: Frame Content and Segment Identification. */
  private static void functionalGroups(AttributeList list, DicomSource source) throws DicomException {
    AttributeList derivation = new AttributeList();
    putSequence(derivation, "DerivationCodeSequence", code("113076", "DCM", "Segmentation"));
    putSequence(derivation, "SourceImageSequence", DerivedObject.sourceImageItem(source));
    AttributeList shared = new AttributeList();
    putSequence(shared, "DerivationImageSequence", derivation);
    putSequence(list, "SharedFunctionalGroupsSequence", shared);

    AttributeList frameContent = new AttributeList();
    putInts(frameContent, "DimensionIndexValues", 1);
    AttributeList segmentIdentification = new AttributeList();
    putInts(segmentIdentification, "ReferencedSegmentNumber", 1);
    AttributeList frame = new AttributeList();
    putSequence(frame, "FrameContentSequence", frameContent);
    putSequence(frame, "SegmentIdentificationSequence", segmentIdentification);
    putSequence(list, "PerFrameFunctionalGroupsSequence", frame);
  }

  /** One dimension: the segment number. */
  private static void dimensions(AttributeList list) throws DicomException {
    String organization = Attributes.newUid();
    AttributeList organizationItem = new AttributeList();
    put(organizationItem, "DimensionOrganizationUID", organization);
    putSequence(list, "DimensionOrganizationSequence", organizationItem);
    AttributeList index = new AttributeList();
    put(index, "DimensionOrganizationUID", organization);
    putTags(index, "DimensionIndexPointer", "ReferencedSegmentNumber");
    putTags(index, "FunctionalGroupPointer", "SegmentIdentificationSequence");
    put(index, "DimensionDescriptionLabel", "Segment Number");
    putSequence(list, "DimensionIndexSequence", index);
  }
}
