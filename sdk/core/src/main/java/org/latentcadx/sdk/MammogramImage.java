package org.latentcadx.sdk;

import java.util.Objects;

/**
 * A grey-level mammogram: {@code width × height} float pixels in row-major order, plus metadata.
 *
 * <p>Pixels are the image's stored grey levels as floats (e.g. 0..65535 for a 16-bit image), before
 * any model preprocessing. Instances are immutable and safe to share between threads; constructors copy
 * the given arrays and reject empty, mis-sized or non-finite input with {@link
 * LatentCadxException.ErrorCode#INVALID_IMAGE}. Files are read with {@link ImageFiles}.
 */
public final class MammogramImage {

  /**
   * The default bound on an image's pixels, 64 Mi (8192 × 8192), used by {@link ImageFiles} and {@link
   * LesionDetector.Builder#maxImagePixels}: enough for any digital mammogram, and a bound on the memory
   * one image takes.
   */
  public static final long DEFAULT_MAX_PIXELS = 64L << 20;

  private final int width;
  private final int height;
  private final float[] pixels;
  private final ImageMetadata metadata;

  private MammogramImage(int width, int height, float[] pixels, ImageMetadata metadata) {
    this.width = width;
    this.height = height;
    this.pixels = pixels;
    this.metadata = metadata;
  }

  /** An image from float grey levels (row-major, {@code width*height} values, all finite). */
  public static MammogramImage ofFloats(int width, int height, float[] pixels, ImageMetadata metadata)
      throws LatentCadxException {
    Objects.requireNonNull(metadata, "metadata");
    checkShape(width, height, pixels == null ? -1 : pixels.length, metadata);
    for (int i = 0; i < pixels.length; i++) {
      if (!Float.isFinite(pixels[i])) {
        throw new LatentCadxException(
            LatentCadxException.ErrorCode.INVALID_IMAGE,
            metadata.source() + ": pixel (" + (i % width) + ", " + (i / width) + ") is " + pixels[i]
                + "; expected finite grey levels");
      }
    }
    return new MammogramImage(width, height, pixels.clone(), metadata);
  }

  /**
   * An image from 16-bit grey levels (row-major), read as unsigned (0..65535) unless {@code signed}.
   */
  public static MammogramImage ofShorts(
      int width, int height, short[] pixels, boolean signed, ImageMetadata metadata)
      throws LatentCadxException {
    Objects.requireNonNull(metadata, "metadata");
    checkShape(width, height, pixels == null ? -1 : pixels.length, metadata);
    float[] values = new float[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      values[i] = signed ? pixels[i] : Short.toUnsignedInt(pixels[i]);
    }
    return new MammogramImage(width, height, values, metadata);
  }

  private static void checkShape(int width, int height, int length, ImageMetadata metadata)
      throws LatentCadxException {
    if (length < 0) {
      throw new LatentCadxException(
          LatentCadxException.ErrorCode.INVALID_IMAGE, metadata.source() + ": pixel array is null");
    }
    if (width <= 0 || height <= 0) {
      throw new LatentCadxException(
          LatentCadxException.ErrorCode.INVALID_IMAGE,
          metadata.source() + ": image size " + width + "x" + height + " must be positive");
    }
    if ((long) width * height != length) {
      throw new LatentCadxException(
          LatentCadxException.ErrorCode.INVALID_IMAGE,
          metadata.source() + ": " + length + " pixels given for a " + width + "x" + height
              + " image; expected " + ((long) width * height));
    }
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The grey level at column {@code x}, row {@code y}. */
  public float get(int x, int y) {
    Objects.checkIndex(x, width);
    Objects.checkIndex(y, height);
    return pixels[y * width + x];
  }

  /**
   * Copies row {@code y} ({@code width} grey levels) into {@code destination} starting at {@code
   * offset}; cheaper than {@link #pixels()} when working row by row.
   */
  public void copyRow(int y, float[] destination, int offset) {
    Objects.checkIndex(y, height);
    System.arraycopy(pixels, y * width, destination, offset, width);
  }

  /** A copy of the pixels, row-major. */
  public float[] pixels() {
    return pixels.clone();
  }

  public ImageMetadata metadata() {
    return metadata;
  }
}
