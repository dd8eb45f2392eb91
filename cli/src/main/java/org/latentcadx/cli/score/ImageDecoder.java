package org.latentcadx.cli.score;

import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.MammogramImage;

/** Decodes an input file into the SDK's image model, by its detected format. */
final class ImageDecoder {

  private ImageDecoder() {}

  /** The image of {@code input}; failures carry the SDK's error code and name the file. */
  static MammogramImage read(InputFile input) throws LatentCadxException {
    return switch (input.format()) {
      case PNG, TIFF -> MammogramImage.read(input.path());
      case DICOM -> throw new LatentCadxException(
          LatentCadxException.ErrorCode.UNSUPPORTED_FORMAT,
          input.path() + ": DICOM input needs the SDK's DICOM reader, which this build lacks");
    };
  }
}
