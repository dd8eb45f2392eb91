package org.latentcadx.sdk;

/**
 * An image read from a file by {@link ImageFiles}. Formats that carry more than grey levels return a
 * richer type: a DICOM file gives an {@code org.latentcadx.sdk.dicom.DicomImage}, which also holds the
 * attributes that results written back to DICOM must reference.
 */
public interface ImageFile {

  /** The grey levels and metadata. */
  MammogramImage image();

  /** The name of the format the file was read as, e.g. {@code "PNG"} or {@code "DICOM"}. */
  String format();
}
