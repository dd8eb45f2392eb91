package org.latentcadx.trainer.data.synthetic;

/**
 * A periodic scalar field sampled bilinearly at continuous downsampled-pixel coordinates (downsampled
 * pixel {@code (i, j)} covers {@code [i, i+1) × [j, j+1)}); each field cell spans {@code cell}
 * downsampled pixels.
 */
record Field(int width, int height, double cell, float[] values) {

  double sample(double x, double y) {
    double gx = x / cell - 0.5;
    double gy = y / cell - 0.5;
    int x0 = (int) Math.floor(gx);
    int y0 = (int) Math.floor(gy);
    double fx = gx - x0;
    double fy = gy - y0;
    int xa = Math.floorMod(x0, width);
    int xb = Math.floorMod(x0 + 1, width);
    int ya = Math.floorMod(y0, height) * width;
    int yb = Math.floorMod(y0 + 1, height) * width;
    double top = values[ya + xa] + fx * (values[ya + xb] - values[ya + xa]);
    double bottom = values[yb + xa] + fx * (values[yb + xb] - values[yb + xa]);
    return top + fy * (bottom - top);
  }
}
