package org.latentcadx.sdk.internal.preprocess;

import org.latentcadx.sdk.internal.FloatGrid;

/** Area-averaging downsampling and zero padding of normalised images. */
public final class Resampling {

  private Resampling() {}

  /**
   * Each output pixel is the mean of a {@code factor × factor} block. The image is first zero-padded
   * on the right and bottom to a multiple of {@code factor}, so a {@code W × H} image gives {@code
   * ceil(W/factor) × ceil(H/factor)} and edge blocks average in the padding zeros.
   */
  public static FloatGrid downsample(FloatGrid image, int factor) {
    if (factor == 1) {
      return image;
    }
    int width = (image.width() + factor - 1) / factor;
    int height = (image.height() + factor - 1) / factor;
    double[] sums = new double[width * height];
    float[] in = image.data();
    for (int y = 0; y < image.height(); y++) {
      int outRow = (y / factor) * width;
      int inRow = y * image.width();
      for (int x = 0; x < image.width(); x++) {
        sums[outRow + x / factor] += in[inRow + x];
      }
    }
    float[] out = new float[sums.length];
    double blockArea = (double) factor * factor;
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (sums[i] / blockArea);
    }
    return new FloatGrid(width, height, out);
  }

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

  /** The top-left {@code width × height} part of the image. */
  public static FloatGrid crop(FloatGrid image, int width, int height) {
    if (image.width() == width && image.height() == height) {
      return image;
    }
    FloatGrid out = FloatGrid.zeros(width, height);
    for (int y = 0; y < height; y++) {
      System.arraycopy(image.data(), y * image.width(), out.data(), y * width, width);
    }
    return out;
  }
}
