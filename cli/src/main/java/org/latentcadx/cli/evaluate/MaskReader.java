package org.latentcadx.cli.evaluate;

import java.nio.file.Path;
import java.util.Locale;
import org.latentcadx.cli.score.ImageDecoder;
import org.latentcadx.cli.score.InputFormat;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.MammogramImage;

/**
 * Reads binary masks (ROI outlines, latent-truth masks) from DICOM, PNG or TIFF files: every non-zero
 * pixel is inside.
 */
final class MaskReader {

  private final ImageDecoder decoder = new ImageDecoder();

  /** A binary mask, row-major, 1 inside and 0 outside. */
  record Mask(int width, int height, boolean[] inside) {}

  Mask read(Path file) throws LatentCadxException {
    MammogramImage image;
    try {
      InputFormat format =
          InputFormat.detect(file)
              .orElseThrow(
                  () ->
                      new LatentCadxException(
                          LatentCadxException.ErrorCode.UNSUPPORTED_FORMAT,
                          file + " is not a DICOM, PNG or TIFF mask"));
      image = decoder.read(file, format).image();
    } catch (java.io.IOException e) {
      throw new LatentCadxException(
          LatentCadxException.ErrorCode.IO_ERROR,
          String.format(Locale.ROOT, "cannot read mask %s: %s", file, e.getMessage()),
          e);
    }
    float[] pixels = image.pixels();
    boolean[] inside = new boolean[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      inside[i] = pixels[i] != 0;
    }
    return new Mask(image.width(), image.height(), inside);
  }
}
