package org.latentcadx.sdk.internal.postprocess;

import java.nio.FloatBuffer;
import org.latentcadx.sdk.internal.FloatGrid;
import org.latentcadx.sdk.internal.tiling.PixelOrigin;

/**
 * Blends overlapping tile masks into one map by a weighted mean. A tile pixel at offset {@code (i, j)}
 * inside a {@code T × T} tile has weight {@code w(i) · w(j)} with the tent {@code w(i) = min(i + 1, T −
 * i)}: largest ({@code ⌈T/2⌉}) in the middle, falling linearly to 1 at the tile's first and last pixel,
 * so tile borders (where a convolutional model sees least context) count least, yet every covered pixel
 * has positive total weight. Where only one tile covers a pixel its mask value is taken as is.
 *
 * <p>Not thread-safe: one instance per {@code detect} call.
 */
public final class MaskStitcher {

  private final int tileSize;
  private final int width;
  private final double[] tent;
  private final double[] weightedSum;
  private final double[] weightSum;

  /** A stitcher for tiles of edge {@code tileSize} over a {@code width × height} (padded) image. */
  public MaskStitcher(int tileSize, int width, int height) {
    this.tileSize = tileSize;
    this.width = width;
    this.tent = tentWeights(tileSize);
    this.weightedSum = new double[Math.multiplyExact(width, height)];
    this.weightSum = new double[width * height];
  }

  /** The tent weights {@code w(0) … w(T−1)}. */
  public static double[] tentWeights(int tileSize) {
    double[] weights = new double[tileSize];
    for (int i = 0; i < tileSize; i++) {
      weights[i] = Math.min(i + 1, tileSize - i);
    }
    return weights;
  }

  /** Adds one tile's {@code T × T} row-major mask, read from {@code masks} at {@code offset}. */
  public void add(PixelOrigin origin, FloatBuffer masks, int offset) {
    for (int row = 0; row < tileSize; row++) {
      double rowWeight = tent[row];
      int target = (origin.y() + row) * width + origin.x();
      int source = offset + row * tileSize;
      for (int column = 0; column < tileSize; column++) {
        double weight = rowWeight * tent[column];
        weightedSum[target + column] += weight * masks.get(source + column);
        weightSum[target + column] += weight;
      }
    }
  }

  /**
   * The blended map cropped to its top-left {@code mapWidth × mapHeight} part.
   *
   * @throws IllegalStateException if a pixel of that part was covered by no tile
   */
  public FloatGrid result(int mapWidth, int mapHeight) {
    FloatGrid map = FloatGrid.zeros(mapWidth, mapHeight);
    for (int y = 0; y < mapHeight; y++) {
      for (int x = 0; x < mapWidth; x++) {
        int index = y * width + x;
        if (weightSum[index] == 0) {
          throw new IllegalStateException("map pixel (" + x + ", " + y + ") was covered by no tile");
        }
        map.set(x, y, (float) (weightedSum[index] / weightSum[index]));
      }
    }
    return map;
  }
}
