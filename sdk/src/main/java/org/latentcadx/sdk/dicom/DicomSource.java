package org.latentcadx.sdk.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;

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
