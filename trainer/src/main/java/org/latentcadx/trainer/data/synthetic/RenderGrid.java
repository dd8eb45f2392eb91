package org.latentcadx.trainer.data.synthetic;

/**
 * The pixel grid an image is rendered on. Geometry is defined in downsampled pixel units; a grid of
 * scale {@code s} has {@code s × s} pixels per downsampled pixel, and its pixel {@code (c, r)} has its
 * centre at {@code ((c + 0.5)/s, (r + 0.5)/s)}.
 */
record RenderGrid(int width, int height, int scale) {

  double x(int column) {
    return (column + 0.5) / scale;
  }

  double y(int row) {
    return (row + 0.5) / scale;
  }

  /** The column whose pixel contains downsampled coordinate {@code x}, clamped to the grid. */
  int column(double x) {
    return Math.min(width - 1, Math.max(0, (int) Math.floor(x * scale)));
  }

  /** The row whose pixel contains downsampled coordinate {@code y}, clamped to the grid. */
  int row(double y) {
    return Math.min(height - 1, Math.max(0, (int) Math.floor(y * scale)));
  }
}
