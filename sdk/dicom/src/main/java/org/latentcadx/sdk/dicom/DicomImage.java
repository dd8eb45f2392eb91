package org.latentcadx.sdk.dicom;

import java.util.Objects;
import org.latentcadx.sdk.ImageFile;
import org.latentcadx.sdk.MammogramImage;

/**
 * A mammogram read from DICOM: its grey levels and metadata, and the source object's attributes that
 * results written back to DICOM (segmentations, overlays) must reference.
 *
 * @param image the grey levels (see {@link DicomReader} for their semantics) and metadata
 * @param source the source object's identity and attributes, without its pixels
 */
public record DicomImage(MammogramImage image, DicomSource source) implements ImageFile {

  /** The name {@link org.latentcadx.sdk.ImageFiles} gives this format. */
  public static final String FORMAT = "DICOM";

  public DicomImage {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(source, "source");
  }

  @Override
  public String format() {
    return FORMAT;
  }
}
