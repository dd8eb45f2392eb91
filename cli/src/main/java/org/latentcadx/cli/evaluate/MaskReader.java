package org.latentcadx.cli.evaluate;

import java.nio.file.Path;
import org.latentcadx.sdk.ImageFiles;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.MammogramImage;

/**
 * Reads binary masks (ROI outlines, latent-truth masks) from DICOM, PNG or TIFF files: every non-zero
 * pixel is inside.
 */
final class MaskReader {

  /** A binary mask, row-major, 1 inside and 0 outside. */
  record Mask(int width, int height, boolean[] inside) {}

  Mask read(Path file) throws LatentCadxException {
    MammogramImage image = ImageFiles.read(file).image();
    float[] pixels = image.pixels();
    boolean[] inside = new boolean[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      inside[i] = pixels[i] != 0;
    }
    return new Mask(image.width(), image.height(), inside);
  }
}
