package org.latentcadx.sdk.internal.tiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TileGridTest {

  private static List<Integer> columnStarts(TileGrid grid) {
    return grid.tiles().stream()
        .filter(tile -> tile.cell().row() == 0)
        .map(tile -> tile.origin().x())
        .toList();
  }

  @Test
  void lastWindowIsShiftedInsideTheImage() {
    // 1000 wide, tile 256, stride 128: 0..640 fit, 744 = 1000 - 256 is added.
    TileGrid grid = new TileGrid(1000, 1500, 256, 128);
    assertThat(columnStarts(grid)).containsExactly(0, 128, 256, 384, 512, 640, 744);
    assertThat(grid.rows()).isEqualTo(11);
    assertThat(grid.tile(grid.size() - 1).origin()).isEqualTo(new PixelOrigin(744, 1244));
    assertThat(grid.tile(grid.size() - 1).cell()).isEqualTo(new GridCell(10, 6));
  }

  @Test
  void exactFitAddsNoExtraWindow() {
    assertThat(columnStarts(new TileGrid(12, 4, 4, 4))).containsExactly(0, 4, 8);
    assertThat(columnStarts(new TileGrid(13, 4, 4, 4))).containsExactly(0, 4, 8, 9);
  }

  @Test
  void axesShorterThanATileGetOnePaddedWindow() {
    TileGrid grid = new TileGrid(3, 10, 4, 3);
    assertThat(grid.paddedWidth()).isEqualTo(4);
    assertThat(grid.paddedHeight()).isEqualTo(10);
    assertThat(columnStarts(grid)).containsExactly(0);
    assertThat(grid.tiles().stream().map(tile -> tile.origin().y()).toList())
        .containsExactly(0, 3, 6);
  }

  @Test
  void everyPixelIsCovered() {
    for (int width = 1; width <= 30; width++) {
      for (int stride = 1; stride <= 7; stride++) {
        TileGrid grid = new TileGrid(width, 9, 7, stride);
        boolean[] covered = new boolean[grid.paddedWidth()];
        for (Tile tile : grid.tiles()) {
          for (int x = tile.origin().x(); x < tile.origin().x() + 7; x++) {
            covered[x] = true;
          }
        }
        for (int x = 0; x < covered.length; x++) {
          assertThat(covered[x]).as("width %d stride %d column %d", width, stride, x).isTrue();
        }
      }
    }
  }

  @Test
  void strideLargerThanTheTileIsRefused() {
    assertThatThrownBy(() -> new TileGrid(10, 10, 4, 5)).isInstanceOf(IllegalArgumentException.class);
  }
}
