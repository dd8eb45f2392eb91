package org.latentcadx.cli.score;

import java.nio.file.Path;
import java.util.Optional;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.dicom.DicomImage;
import org.latentcadx.sdk.dicom.DicomReader;

/** Decodes an image file into the SDK's image model, by its detected format. */
public final class ImageDecoder {

  /**
   * A decoded input.
   *
   * @param image the grey levels and metadata
   * @param dicom the DICOM image (pixels and source attributes), for DICOM inputs
   */
  public record Decoded(MammogramImage image, Optional<DicomImage> dicom) {}

  private final DicomReader dicomReader = DicomReader.create();

  /** The image of {@code input}; failures carry the SDK's error code and name the file. */
  Decoded read(InputFile input) throws LatentCadxException {
    return read(input.path(), input.format());
  }

  /** The image of {@code file} in {@code format}; failures carry the SDK's error code and name the file. */
  public Decoded read(Path file, InputFormat format) throws LatentCadxException {
    return switch (format) {
      case PNG, TIFF -> new Decoded(MammogramImage.read(file), Optional.empty());
      case DICOM -> {
        DicomImage dicom = dicomReader.read(file);
        yield new Decoded(dicom.image(), Optional.of(dicom));
      }
    };
  }
}
