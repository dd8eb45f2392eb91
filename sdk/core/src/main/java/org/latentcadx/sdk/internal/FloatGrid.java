package org.latentcadx.sdk.internal;

import java.util.Objects;

/**
 * A mutable {@code width × height} float raster, row-major: the working image between pipeline stages.
 * Not thread-safe; each {@code detect} call owns its grids.
 */
public final class FloatGrid {

  private final int width;
  private final int height;
  private final float[] data;

  /** A grid over the given row-major data (not copied). */
  public FloatGrid(int width, int height, float[] data) {
    Objects.requireNonNull(data, "data");
    if (width < 1 || height < 1 || (long) width * height != data.length) {
      throw new IllegalArgumentException(
          "grid " + width + "x" + height + " cannot hold " + data.length + " values");
    }
    this.width = width;
    this.height = height;
    this.data = data;
  }

  /** A grid of zeros. */
  public static FloatGrid zeros(int width, int height) {
    return new FloatGrid(width, height, new float[Math.multiplyExact(width, height)]);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public void set(int x, int y, float value) {
    data[y * width + x] = value;
  }

  /** The backing row-major array (not a copy). */
  public float[] data() {
    return data;
  }
}
