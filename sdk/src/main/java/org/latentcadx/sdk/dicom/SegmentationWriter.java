package org.latentcadx.sdk.dicom;

import static org.latentcadx.sdk.dicom.Attributes.code;
import static org.latentcadx.sdk.dicom.Attributes.put;
import static org.latentcadx.sdk.dicom.Attributes.putInts;
import static org.latentcadx.sdk.dicom.Attributes.putSequence;
import static org.latentcadx.sdk.dicom.Attributes.putTags;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Objects;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.ProbabilityMap;
import org.latentcadx.sdk.ProbabilityMap.UpsampleMethod;

/**
 * Writes a DICOM Segmentation (SEG) of one scored image: the thresholded lesion mask as a BINARY
 * segmentation, or the probability map as a FRACTIONAL (PROBABILITY) one. Each holds one segment, "Lesion"
 * (SCT 52988006, category SCT 49755003 morphologically abnormal structure), algorithm type AUTOMATIC, in
 * one frame at the source image's Rows × Columns: a map at the model's downsampled scale is enlarged
 * bilinearly ({@link ProbabilityMap#toOriginalSize}) before thresholding. The object joins the source's
 * study in a new series and references the source image (Referenced Series Sequence, Derivation Image
 * with Source Image Sequence). See {@code sdk/DICOM.md}.
 */
public final class SegmentationWriter {

  static final String SEGMENTATION_STORAGE = "1.2.840.10008.5.1.4.1.1.66.4";
  private static final int SERIES_NUMBER = 9101;
  private static final int MAX_FRACTIONAL_VALUE = 255;

  private final AlgorithmIdentity algorithm;

  private SegmentationWriter(AlgorithmIdentity algorithm) {
    this.algorithm = algorithm;
  }

  /** A writer that credits {@code algorithm} in every object. */
  public static SegmentationWriter create(AlgorithmIdentity algorithm) throws LatentCadxException {
    Objects.requireNonNull(algorithm, "algorithm");
    PixelMedPresence.require("Writing DICOM segmentations");
    return new SegmentationWriter(algorithm);
  }

  /**
   * Writes the lesion mask {@code probability ≥ threshold} as a BINARY segmentation.
   *
   * @return the SOP Instance UID of the written object
   */
  public String writeBinary(DicomSource source, ProbabilityMap map, double threshold, Path output)
      throws LatentCadxException {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new LatentCadxException(ErrorCode.INVALID_ARGUMENT,
          "threshold must be in (0, 1], got " + threshold);
    }
    float[] values = valuesAtSourceSize(source, map);
    byte[] packed = new byte[evenLength((values.length + 7) / 8)];
    for (int i = 0; i < values.length; i++) {
      if (values[i] >= threshold) {
        packed[i >> 3] |= (byte) (1 << (i & 7));
      }
    }
    String description = "lesion probability >= " + threshold;
    return write(source, map, packed, 1, "BINARY", description, output);
  }

  /**
   * Writes the probability map as a FRACTIONAL segmentation of type PROBABILITY, probabilities scaled
   * to 0..255.
   *
   * @return the SOP Instance UID of the written object
   */
  public String writeProbability(DicomSource source, ProbabilityMap map, Path output)
      throws LatentCadxException {
    float[] values = valuesAtSourceSize(source, map);
    byte[] bytes = new byte[evenLength(values.length)];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) Math.round(Math.min(1f, Math.max(0f, values[i])) * MAX_FRACTIONAL_VALUE);
    }
    return write(source, map, bytes, 8, "FRACTIONAL", "lesion probability", output);
  }

  private static float[] valuesAtSourceSize(DicomSource source, ProbabilityMap map)
      throws LatentCadxException {
    int rows = source.rows();
    int columns = source.columns();
    if (map.originalWidth() != columns || map.originalHeight() != rows) {
      throw new LatentCadxException(ErrorCode.INVALID_ARGUMENT, source.name() + ": probability map "
          + "covers a " + map.originalWidth() + " x " + map.originalHeight() + " image; the source is "
          + columns + " x " + rows);
    }
    return map.toOriginalSize(UpsampleMethod.BILINEAR).values();
  }

  private static int evenLength(int length) {
    return length + (length & 1);
  }

  private String write(DicomSource source, ProbabilityMap map, byte[] pixels, int bits, String type,
      String description, Path output) throws LatentCadxException {
    Objects.requireNonNull(output, "output");
    try {
      AttributeList list = DerivedObject.start(source, SEGMENTATION_STORAGE, "SEG", SERIES_NUMBER,
          "LatentCADx lesion segmentation", algorithm, LocalDateTime.now());
      frameOfReference(list, source);
      imagePixel(list, source, bits);
      segmentationImage(list, type, description);
      functionalGroups(list, source);
      dimensions(list);
      DerivedObject.referenceSourceSeries(list, source);
      OtherByteAttribute pixelData = new OtherByteAttribute(Attributes.tag("PixelData"));
      pixelData.setValues(pixels);
      list.put(pixelData);
      DerivedObject.write(list, output);
      return Attributes.string(list, "SOPInstanceUID");
    } catch (DicomException e) {
      throw new LatentCadxException(ErrorCode.IO_ERROR,
          output + ": cannot build the segmentation of " + source.name() + ": " + e, e);
    }
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

  private void segmentationImage(AttributeList list, String type, String description)
      throws DicomException {
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
