package org.latentcadx.sdk.internal.preprocess;

import java.util.Arrays;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.internal.FloatGrid;

/**
 * Brings an image to the model's scale in one pass over its rows: each row is normalised ({@link
 * GreyLevelNormalizer}) and added into {@code f × f} block sums; the image is implicitly zero-padded on
 * the right and bottom to a multiple of {@code f}, so a {@code W × H} image gives {@code ceil(W/f) ×
 * ceil(H/f)} block means and edge blocks average in the padding zeros. Only one original row is held
 * at a time.
 */
public final class ModelScaleConverter {

  private final GreyLevelNormalizer normalizer;
  private final int factor;

  public ModelScaleConverter(GreyLevelNormalizer normalizer, int factor) {
    this.normalizer = normalizer;
    this.factor = factor;
  }

  /**
   * The normalised, area-averaged image.
   *
   * @throws LatentCadxException as {@link GreyLevelNormalizer#normalizeRow}
   */
  public FloatGrid convert(MammogramImage image) throws LatentCadxException {
    int width = (image.width() + factor - 1) / factor;
    int height = (image.height() + factor - 1) / factor;
    float[] out = new float[Math.multiplyExact(width, height)];
    float[] row = new float[image.width()];
    double[] blockSums = new double[width];
    double blockArea = (double) factor * factor;
    for (int blockRow = 0; blockRow < height; blockRow++) {
      Arrays.fill(blockSums, 0);
      int lastRow = Math.min((blockRow + 1) * factor, image.height());
      for (int y = blockRow * factor; y < lastRow; y++) {
        image.copyRow(y, row, 0);
        normalizer.normalizeRow(row, image, y);
        addBlocks(row, blockSums);
      }
      for (int x = 0; x < width; x++) {
        out[blockRow * width + x] = (float) (blockSums[x] / blockArea);
      }
    }
    return new FloatGrid(width, height, out);
  }

  private void addBlocks(float[] row, double[] blockSums) {
    for (int block = 0, x = 0; block < blockSums.length; block++) {
      double sum = 0;
      for (int end = Math.min(x + factor, row.length); x < end; x++) {
        sum += row[x];
      }
      blockSums[block] += sum;
    }
  }
}
