package org.latentcadx.sdk;

import java.nio.file.Path;
import org.latentcadx.sdk.testing.TestModel;

/** Shared helpers of the detector tests. */
final class DetectorFixtures {

  private DetectorFixtures() {}

  /** An 8-bit image (bits stored 8) from grey levels given row by row. */
  static MammogramImage image8(int[][] rows) throws LatentCadxException {
    int height = rows.length;
    int width = rows[0].length;
    float[] pixels = new float[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        pixels[y * width + x] = rows[y][x];
      }
    }
    return MammogramImage.ofFloats(width, height, pixels, ImageMetadata.of("test").withBitsStored(8));
  }

  /** A {@code width × height} 8-bit image of zeros except the given {x, y, value} pixels. */
  static MammogramImage sparse8(int width, int height, int[]... pixels) throws LatentCadxException {
    int[][] rows = new int[height][width];
    for (int[] pixel : pixels) {
      rows[pixel[1]][pixel[0]] = pixel[2];
    }
    return image8(rows);
  }

  static LesionDetector.Builder detector(TestModel model, Path folder) {
    return LesionDetector.builder(ModelSource.path(model.writeTo(folder.resolve("model.onnx"))))
        .intraOpThreads(1);
  }
}
