package org.latentcadx.sdk.dicom;

import static org.latentcadx.sdk.dicom.Attributes.code;
import static org.latentcadx.sdk.dicom.Attributes.copyIfPresent;
import static org.latentcadx.sdk.dicom.Attributes.copyOrEmpty;
import static org.latentcadx.sdk.dicom.Attributes.put;
import static org.latentcadx.sdk.dicom.Attributes.putSequence;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.ProbabilityMap;

/**
 * What every object the SDK derives from a source image shares: the source's patient and study, a new
 * series and instance, the equipment (LatentCADx and the algorithm), and the reference to the source.
 */
final class DerivedObject {

  static final String MANUFACTURER = "LatentCADx";
  private static final String APPLICATION_ENTITY = "LATENTCADX";

  private DerivedObject() {}

  /**
   * The Patient, General Study, General Series, General and Enhanced General Equipment and SOP Common
   * attributes of a new instance in a new series of the source's study. The copied text keeps the
   * source's Specific Character Set, except one with ISO 2022 code extensions, or none while the text is
   * not ASCII: then it is written in UTF-8 (ISO_IR 192).
   */
  static AttributeList start(DicomSource source, String sopClassUid, String modality, int seriesNumber,
      String seriesDescription, AlgorithmIdentity algorithm, LocalDateTime now)
      throws LatentCadxException, DicomException {
    AttributeList from = source.attributes();
    source.requireReferenceable();
    AttributeList list = new AttributeList();
    if (Attributes.hasValue(from, "SpecificCharacterSet")) {
      // The copied text is written in the source's character set; an empty one would be invalid (1C).
      copyIfPresent(from, list, "SpecificCharacterSet");
    }
    put(list, "SOPClassUID", sopClassUid);
    put(list, "SOPInstanceUID", Attributes.newUid());
    put(list, "InstanceCreationDate", Attributes.date(now));
    put(list, "InstanceCreationTime", Attributes.time(now));
    copyOrEmpty(from, list, "PatientName", "PatientID", "PatientBirthDate", "PatientSex");
    copyIfPresent(from, list, "IssuerOfPatientID", "PatientAge");
    copyOrEmpty(from, list, "StudyInstanceUID", "StudyDate", "StudyTime", "ReferringPhysicianName",
        "StudyID", "AccessionNumber");
    copyIfPresent(from, list, "StudyDescription");
    put(list, "Modality", modality);
    put(list, "SeriesInstanceUID", Attributes.newUid());
    put(list, "SeriesNumber", Integer.toString(seriesNumber));
    put(list, "SeriesDescription", seriesDescription);
    put(list, "SeriesDate", Attributes.date(now));
    put(list, "SeriesTime", Attributes.time(now));
    put(list, "InstanceNumber", "1");
    copyOrEmpty(from, list, "PatientOrientation");
    laterality(from, list);
    put(list, "ContentDate", Attributes.date(now));
    put(list, "ContentTime", Attributes.time(now));
    put(list, "Manufacturer", MANUFACTURER);
    put(list, "ManufacturerModelName", algorithm.name());
    put(list, "DeviceSerialNumber", algorithm.version());
    put(list, "SoftwareVersions", algorithm.version());
    if (Attributes.usesCodeExtensions(from)
        || (!Attributes.hasValue(from, "SpecificCharacterSet") && Attributes.hasNonAsciiText(list))) {
      // PixelMed reads ISO 2022 escape sequences but cannot write them, and text outside ASCII in a
      // source that declares no character set (bytes it cannot hold, read as U+FFFD) has no repertoire:
      // such text goes out as UTF-8.
      Attributes.writeTextAsUtf8(list);
    }
    return list;
  }

  /** Image Laterality: the source's, else the source series' Laterality; absent when neither is known. */
  private static void laterality(AttributeList from, AttributeList list) throws DicomException {
    String side = Attributes.string(from, "ImageLaterality");
    if (side.isEmpty()) {
      side = Attributes.string(from, "Laterality");
    }
    if (!side.isEmpty()) {
      put(list, "ImageLaterality", side);
    }
  }

  /** An item naming the source image, with the purpose "source image for image processing operation". */
  static AttributeList sourceImageItem(DicomSource source) throws DicomException {
    AttributeList item = referencedInstance(source);
    putSequence(item, "PurposeOfReferenceCodeSequence",
        code("121322", "DCM", "Source image for image processing operation"));
    return item;
  }

  /** Common Instance Reference: the source's series and instance. */
  static void referenceSourceSeries(AttributeList list, DicomSource source) throws DicomException {
    AttributeList series = new AttributeList();
    put(series, "SeriesInstanceUID", Attributes.string(source.attributes(), "SeriesInstanceUID"));
    putSequence(series, "ReferencedInstanceSequence", referencedInstance(source));
    putSequence(list, "ReferencedSeriesSequence", series);
  }

  private static AttributeList referencedInstance(DicomSource source) throws DicomException {
    AttributeList item = new AttributeList();
    put(item, "ReferencedSOPClassUID", Attributes.string(source.attributes(), "SOPClassUID"));
    put(item, "ReferencedSOPInstanceUID", Attributes.string(source.attributes(), "SOPInstanceUID"));
    return item;
  }

  /**
   * IllegalArgumentException when {@code map} covers an image of another size than the source (a map of
   * another image).
   */
  static void requireSourceSize(DicomSource source, ProbabilityMap map) {
    if (map.originalWidth() != source.columns() || map.originalHeight() != source.rows()) {
      throw new IllegalArgumentException(source.name() + ": probability map covers a " + map.originalWidth()
          + " x " + map.originalHeight() + " image; the source is " + source.columns() + " x " + source.rows());
    }
  }

  /**
   * Writes the object as a Part 10 file: in RLE Lossless when its Pixel Data is an encapsulated frame
   * (the overlay, {@link RleLossless}), else in Explicit VR Little Endian.
   */
  static void write(AttributeList list, Path output) throws LatentCadxException {
    String syntax = list.getPixelData() instanceof OtherByteAttributeMultipleCompressedFrames
        ? RleLossless.TRANSFER_SYNTAX
        : TransferSyntax.ExplicitVRLittleEndian;
    try {
      Attributes.writeTextInDeclaredCharacterSet(list);
      FileMetaInformation.addFileMetaInformation(list, syntax, APPLICATION_ENTITY);
      list.write(output.toFile(), syntax, true, true);
    } catch (IOException e) {
      throw new LatentCadxException(ErrorCode.IO_ERROR, output + ": cannot write: " + e, e);
    } catch (DicomException e) {
      throw new LatentCadxException(ErrorCode.IO_ERROR, output + ": cannot encode: " + e, e);
    }
  }
}
