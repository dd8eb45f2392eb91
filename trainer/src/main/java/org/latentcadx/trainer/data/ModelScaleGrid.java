package org.latentcadx.trainer.data;

import java.util.Objects;

/**
 * A model-scale raster the patch extractor cuts windows from: an image in [0, 1] or a mask's coverage
 * (0…1 per pixel), {@code width × height} values, row-major (the array is shared, not copied).
 */
record ModelScaleGrid(int width, int height, float[] data) {

  ModelScaleGrid {
    Objects.requireNonNull(data, "data");
    if (width < 1 || height < 1 || (long) width * height != data.length) {
      throw new IllegalArgumentException("grid " + width + "x" + height + " cannot hold " + data.length + " values");
    }
  }
}
