package org.latentcadx.sdk.internal.tiling;

import java.util.ArrayList;
import java.util.List;

/**
 * The windows that cover an image of {@code imageWidth × imageHeight} pixels with square tiles of edge
 * {@code tileSize} stepped by {@code stride}.
 *
 * <p>Along each axis of length {@code L}, windows start at {@code 0, stride, 2·stride, …} while they
 * fit; if the last one stops short of the edge, one more window starts at {@code L − tileSize} (shifted
 * inside the image), so every pixel is covered and none is dropped. An axis shorter than a tile has one
 * window at 0; the image must then be padded to the tile size ({@link #paddedWidth()}, {@link
 * #paddedHeight()}).
 */
public final class TileGrid {

  private final int tileSize;
  private final int paddedWidth;
  private final int paddedHeight;
  private final int[] columnStarts;
  private final int[] rowStarts;

  public TileGrid(int imageWidth, int imageHeight, int tileSize, int stride) {
    if (imageWidth < 1 || imageHeight < 1 || tileSize < 1 || stride < 1 || stride > tileSize) {
      throw new IllegalArgumentException(
          "tiling needs a positive image size and 1 <= stride <= tile size; got image " + imageWidth
              + "x" + imageHeight + ", tile " + tileSize + ", stride " + stride);
    }
    this.tileSize = tileSize;
    this.paddedWidth = Math.max(imageWidth, tileSize);
    this.paddedHeight = Math.max(imageHeight, tileSize);
    this.columnStarts = starts(paddedWidth, tileSize, stride);
    this.rowStarts = starts(paddedHeight, tileSize, stride);
  }

  private static int[] starts(int length, int tileSize, int stride) {
    List<Integer> starts = new ArrayList<>();
    int start = 0;
    for (; start + tileSize <= length; start += stride) {
      starts.add(start);
    }
    int last = length - tileSize;
    if (starts.get(starts.size() - 1) < last) {
      starts.add(last);
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  public int tileSize() {
    return tileSize;
  }

  /** The image width after padding to at least one tile. */
  public int paddedWidth() {
    return paddedWidth;
  }

  /** The image height after padding to at least one tile. */
  public int paddedHeight() {
    return paddedHeight;
  }

  public int rows() {
    return rowStarts.length;
  }

  public int columns() {
    return columnStarts.length;
  }

  /** The number of tiles. */
  public int size() {
    return rowStarts.length * columnStarts.length;
  }

  /** The {@code index}-th tile in row-major grid order. */
  public Tile tile(int index) {
    int row = index / columnStarts.length;
    int column = index % columnStarts.length;
    return new Tile(new GridCell(row, column), new PixelOrigin(columnStarts[column], rowStarts[row]));
  }

  /** All tiles in row-major grid order. */
  public List<Tile> tiles() {
    List<Tile> tiles = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      tiles.add(tile(i));
    }
    return tiles;
  }
}
