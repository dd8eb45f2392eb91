package org.latentcadx.sdk;

import java.util.Objects;

/**
 * A grey-level mammogram: {@code width × height} pixels in row-major order, plus metadata.
 *
 * <p>Pixels are the image's stored grey levels (e.g. 0..65535 for a 16-bit image), before any model
 * preprocessing, read as floats. An image made {@linkplain #ofShorts from 16-bit values} keeps them as
 * 16-bit values (2 bytes per pixel, the size of the decoded image); one made {@linkplain #ofFloats from
 * floats} keeps floats (4 bytes per pixel). Instances are immutable and safe to share between threads;
 * constructors copy the given arrays and reject empty, mis-sized or non-finite input with {@link
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
  /** The grey levels as floats, or null when they are held in {@link #words}. */
  private final float[] floats;
  /** The grey levels as 16-bit values (see {@link #signed}), or null when held in {@link #floats}. */
  private final short[] words;
  private final boolean signed;
  private final ImageMetadata metadata;

  private MammogramImage(
      int width, int height, float[] floats, short[] words, boolean signed, ImageMetadata metadata) {
    this.width = width;
    this.height = height;
    this.floats = floats;
    this.words = words;
    this.signed = signed;
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
    return new MammogramImage(width, height, pixels.clone(), null, false, metadata);
  }

  /**
   * An image from 16-bit grey levels (row-major), read as unsigned (0..65535) unless {@code signed};
   * held as 16-bit values.
   */
  public static MammogramImage ofShorts(
      int width, int height, short[] pixels, boolean signed, ImageMetadata metadata)
      throws LatentCadxException {
    Objects.requireNonNull(metadata, "metadata");
    checkShape(width, height, pixels == null ? -1 : pixels.length, metadata);
    return new MammogramImage(width, height, null, pixels.clone(), signed, metadata);
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
    int at = y * width + x;
    return floats != null ? floats[at] : word(at);
  }

  private float word(int at) {
    return signed ? words[at] : Short.toUnsignedInt(words[at]);
  }

  /**
   * Copies row {@code y} ({@code width} grey levels) into {@code destination} starting at {@code
   * offset}; cheaper than {@link #pixels()} when working row by row.
   */
  public void copyRow(int y, float[] destination, int offset) {
    Objects.checkIndex(y, height);
    int start = y * width;
    if (floats != null) {
      System.arraycopy(floats, start, destination, offset, width);
    } else if (signed) {
      for (int x = 0; x < width; x++) {
        destination[offset + x] = words[start + x];
      }
    } else {
      for (int x = 0; x < width; x++) {
        destination[offset + x] = Short.toUnsignedInt(words[start + x]);
      }
    }
  }

  /**
   * A float copy of the pixels, row-major ({@code 4 × width × height} bytes; prefer {@link #copyRow}
   * for large images).
   */
  public float[] pixels() {
    if (floats != null) {
      return floats.clone();
    }
    float[] copy = new float[words.length];
    for (int y = 0; y < height; y++) {
      copyRow(y, copy, y * width);
    }
    return copy;
  }

  /** Bytes the pixels take on the heap: 2 per pixel when made from 16-bit values, else 4. */
  public long pixelBytes() {
    return floats != null ? 4L * floats.length : 2L * words.length;
  }

  public ImageMetadata metadata() {
    return metadata;
  }
}
