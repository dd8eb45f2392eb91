package org.latentcadx.sdk.internal.postprocess;

import java.nio.FloatBuffer;
import org.latentcadx.sdk.internal.FloatGrid;
import org.latentcadx.sdk.internal.tiling.PixelOrigin;
import org.latentcadx.sdk.internal.tiling.TileGrid;

/**
 * Blends overlapping tile masks into one map by a weighted mean. A tile pixel at offset {@code (i, j)}
 * inside a {@code T × T} tile has weight {@code w(i) · w(j)} with the tent {@code w(i) = min(i + 1, T −
 * i)}: largest ({@code ⌈T/2⌉}) in the middle, falling linearly to 1 at the tile's first and last pixel,
 * so tile borders (where a convolutional model sees least context) count least, yet every covered pixel
 * has positive total weight. Where only one tile covers a pixel its mask value is taken as is.
 *
 * <p>The grid's tiles are every pairing of its column and row starts, so a pixel's total weight is the
 * product of a column total and a row total, computed once from the grid. Weighted sums are held in one
 * float per padded map pixel, which becomes the map itself when no cropping is needed (the usual case):
 * the stitcher's memory is the map's.
 *
 * <p>Not thread-safe: one instance per {@code detect} call.
 */
public final class MaskStitcher {

  private final int tileSize;
  private final int width;
  private final float[] tent;
  private final double[] columnWeights;
  private final double[] rowWeights;
  private final float[] weightedSum;

  /** A stitcher for the tiles of {@code grid} over its padded image. */
  public MaskStitcher(TileGrid grid) {
    this.tileSize = grid.tileSize();
    this.width = grid.paddedWidth();
    this.tent = tentWeights(tileSize);
    this.columnWeights = new double[width];
    for (int column = 0; column < grid.columns(); column++) {
      addTent(columnWeights, grid.tile(column).origin().x());
    }
    this.rowWeights = new double[grid.paddedHeight()];
    for (int row = 0; row < grid.rows(); row++) {
      addTent(rowWeights, grid.tile(row * grid.columns()).origin().y());
    }
    this.weightedSum = new float[Math.multiplyExact(width, grid.paddedHeight())];
  }

  private static float[] tentWeights(int tileSize) {
    float[] weights = new float[tileSize];
    for (int i = 0; i < tileSize; i++) {
      weights[i] = Math.min(i + 1, tileSize - i);
    }
    return weights;
  }

  private void addTent(double[] totals, int start) {
    for (int i = 0; i < tileSize; i++) {
      totals[start + i] += tent[i];
    }
  }

  /** Adds one tile's {@code T × T} row-major mask, read from {@code masks} at {@code offset}. */
  public void add(PixelOrigin origin, FloatBuffer masks, int offset) {
    for (int row = 0; row < tileSize; row++) {
      float rowWeight = tent[row];
      int target = (origin.y() + row) * width + origin.x();
      int source = offset + row * tileSize;
      for (int column = 0; column < tileSize; column++) {
        weightedSum[target + column] += rowWeight * tent[column] * masks.get(source + column);
      }
    }
  }

  /**
   * The blended map cropped to its top-left {@code mapWidth × mapHeight} part. Call once: without
   * cropping the map is the stitcher's own array.
   *
   * @throws IllegalStateException if a pixel of that part was covered by no tile
   */
  public FloatGrid result(int mapWidth, int mapHeight) {
    boolean inPlace = (long) mapWidth * mapHeight == weightedSum.length;
    float[] map = inPlace ? weightedSum : new float[Math.multiplyExact(mapWidth, mapHeight)];
    for (int y = 0; y < mapHeight; y++) {
      for (int x = 0; x < mapWidth; x++) {
        double weight = columnWeights[x] * rowWeights[y];
        if (weight == 0) {
          throw new IllegalStateException("map pixel (" + x + ", " + y + ") was covered by no tile");
        }
        map[y * mapWidth + x] = (float) (weightedSum[y * width + x] / weight);
      }
    }
    return new FloatGrid(mapWidth, mapHeight, map);
  }
}
