package org.latentcadx.trainer.data.synthetic;

/** Rasterises a point predicate onto a mask within a square around a centre. */
final class MaskPainter {

  /** A region in downsampled pixel units. */
  @FunctionalInterface
  interface Region {
    boolean contains(double x, double y);
  }

  private MaskPainter() {}

  /** Sets to 1 every pixel of {@code grid} within {@code extent} of the centre whose centre is in the region. */
  static void paint(RenderGrid grid, double cx, double cy, double extent, Region region, byte[] mask) {
    int c0 = grid.column(cx - extent);
    int c1 = grid.column(cx + extent);
    int r0 = grid.row(cy - extent);
    int r1 = grid.row(cy + extent);
    for (int r = r0; r <= r1; r++) {
      double y = grid.y(r);
      for (int c = c0; c <= c1; c++) {
        if (region.contains(grid.x(c), y)) {
          mask[r * grid.width() + c] = 1;
        }
      }
    }
  }
}
