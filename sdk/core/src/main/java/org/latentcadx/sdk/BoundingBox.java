package org.latentcadx.sdk;

/**
 * An axis-aligned pixel rectangle: columns {@code x .. x+width−1}, rows {@code y .. y+height−1}.
 *
 * @param x left column
 * @param y top row
 * @param width number of columns, at least 1
 * @param height number of rows, at least 1
 */
public record BoundingBox(int x, int y, int width, int height) {
  public BoundingBox {
    if (x < 0 || y < 0 || width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "bounding box needs x, y >= 0 and width, height >= 1, got " + this);
    }
  }

  /** The number of pixels inside the box. */
  public long area() {
    return (long) width * height;
  }
}
