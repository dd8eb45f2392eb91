package org.latentcadx.sdk.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;

/**
 * The attributes of a DICOM image the SDK read (patient, study, series, instance, frame of reference,
 * equipment; never its pixels), kept so that derived objects can reference it. Opaque on purpose: the
 * toolkit behind it is an implementation detail.
 */
public final class DicomSource {

  private final String name;
  private final AttributeList attributes;

  DicomSource(String name, AttributeList attributes) {
    this.name = name;
    this.attributes = attributes;
  }

  /** The file name or other label the image was read under. */
  public String name() {
    return name;
  }

  /** The SOP Instance UID of the source image. */
  public String sopInstanceUid() {
    return Attribute.getSingleStringValueOrEmptyString(attributes, TagFromName.SOPInstanceUID);
  }

  /** The Study Instance UID of the source image. */
  public String studyInstanceUid() {
    return Attribute.getSingleStringValueOrEmptyString(attributes, TagFromName.StudyInstanceUID);
  }

  /** A DICOM UID: dot-separated numbers without leading zeros, at most 64 characters (PS3.5 9.1). */
  private static final java.util.regex.Pattern UID =
      java.util.regex.Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");

  private static final int UID_MAX_LENGTH = 64;

  /**
   * Checks that the identifiers a derived object (SEG, overlay, SR) must reference are present and
   * valid UIDs — Study, Series and SOP Instance UID, SOP Class UID and, where present, Frame of
   * Reference UID — so that an image whose results
   * could not be written correctly is refused before inference, not after it.
   *
   * @throws LatentCadxException CORRUPT_INPUT naming the first missing or invalid UID
   */
  public void requireReferenceable() throws LatentCadxException {
    Map<String, AttributeTag> referenced = new LinkedHashMap<>();
    referenced.put("Study Instance UID", TagFromName.StudyInstanceUID);
    referenced.put("Series Instance UID", TagFromName.SeriesInstanceUID);
    referenced.put("SOP Instance UID", TagFromName.SOPInstanceUID);
    referenced.put("SOP Class UID", TagFromName.SOPClassUID);
    referenced.put("Frame of Reference UID", TagFromName.FrameOfReferenceUID);
    for (Map.Entry<String, AttributeTag> entry : referenced.entrySet()) {
      String value = Attribute.getSingleStringValueOrEmptyString(attributes, entry.getValue());
      String label = entry.getKey();
      if (value.isEmpty() && entry.getValue().equals(TagFromName.FrameOfReferenceUID)) {
        continue; // optional: without one, a derived object gets a frame of reference of its own
      }
      if (value.isEmpty()) {
        throw new LatentCadxException(ErrorCode.CORRUPT_INPUT,
            name + ": has no " + label + "; results could not reference the image");
      }
      if (value.length() > UID_MAX_LENGTH || !UID.matcher(value).matches()) {
        throw new LatentCadxException(ErrorCode.CORRUPT_INPUT,
            name + ": " + label + " is not a valid UID (dot-separated numbers without leading zeros, at"
                + " most 64 characters); results could not reference the image");
      }
    }
  }

  /** Rows of the source image. */
  int rows() {
    return Attribute.getSingleIntegerValueOrDefault(attributes, TagFromName.Rows, 0);
  }

  /** Columns of the source image. */
  int columns() {
    return Attribute.getSingleIntegerValueOrDefault(attributes, TagFromName.Columns, 0);
  }

  /** The source header, without Pixel Data. Callers must not modify it. */
  AttributeList attributes() {
    return attributes;
  }
}
