package org.latentcadx.sdk.internal.preprocess;

import org.latentcadx.sdk.internal.FloatGrid;

/** Zero padding of model-scale images. */
public final class Resampling {

  private Resampling() {}

  /** The image zero-padded on the right and bottom to at least {@code width × height}. */
  public static FloatGrid padTo(FloatGrid image, int width, int height) {
    if (image.width() >= width && image.height() >= height) {
      return image;
    }
    int outWidth = Math.max(width, image.width());
    FloatGrid out = FloatGrid.zeros(outWidth, Math.max(height, image.height()));
    for (int y = 0; y < image.height(); y++) {
      System.arraycopy(image.data(), y * image.width(), out.data(), y * outWidth, image.width());
    }
    return out;
  }
}
