package org.latentcadx.sdk.internal.preprocess;

import java.util.Arrays;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.internal.FloatGrid;
import org.latentcadx.sdk.internal.RowBands;

/**
 * Brings an image to the model's scale in one pass over its rows: each row is normalised ({@link
 * GreyLevelNormalizer}) and added into {@code f × f} block sums; the image is implicitly zero-padded on
 * the right and bottom to a multiple of {@code f}, so a {@code W × H} image gives {@code ceil(W/f) ×
 * ceil(H/f)} block means and edge blocks average in the padding zeros. Each thread holds one original
 * row at a time. Thread-safe.
 */
public final class ModelScaleConverter {

  /** Fewer block rows than this per thread are not worth a thread's start. */
  private static final int MIN_BLOCK_ROWS_PER_THREAD = 64;

  private final GreyLevelNormalizer normalizer;
  private final int factor;

  public ModelScaleConverter(GreyLevelNormalizer normalizer, int factor) {
    this.normalizer = normalizer;
    this.factor = factor;
  }

  /** The width of {@code image} at the model's scale. */
  public int scaledWidth(MammogramImage image) {
    return (image.width() + factor - 1) / factor;
  }

  /** The height of {@code image} at the model's scale. */
  public int scaledHeight(MammogramImage image) {
    return (image.height() + factor - 1) / factor;
  }

  /**
   * The normalised, area-averaged image, on the calling thread.
   *
   * @throws LatentCadxException as {@link GreyLevelNormalizer#normalizeRow}
   */
  public FloatGrid convert(MammogramImage image) throws LatentCadxException {
    return convert(image, 0, 0, 1);
  }

  /**
   * The normalised, area-averaged image in the top-left corner of a zero grid of at least {@code
   * minWidth × minHeight}, computed by the calling thread and up to {@code threads − 1} threads started
   * for the call, each on a band of rows (the same values as on one thread).
   *
   * @throws LatentCadxException as {@link GreyLevelNormalizer#normalizeRow}: the first failing row's
   */
  public FloatGrid convert(MammogramImage image, int minWidth, int minHeight, int threads)
      throws LatentCadxException {
    int width = scaledWidth(image);
    int height = scaledHeight(image);
    FloatGrid out = FloatGrid.zeros(Math.max(width, minWidth), Math.max(height, minHeight));
    RowBands.run(height, threads, MIN_BLOCK_ROWS_PER_THREAD,
        (first, end) -> convertRows(image, out, first, end, width));
    return out;
  }

  /** Block rows [{@code first}, {@code end}) into {@code out}. */
  private void convertRows(MammogramImage image, FloatGrid out, int first, int end, int width)
      throws LatentCadxException {
    float[] row = new float[image.width()];
    double[] blockSums = new double[width];
    double blockArea = (double) factor * factor;
    float[] data = out.data();
    for (int blockRow = first; blockRow < end; blockRow++) {
      Arrays.fill(blockSums, 0);
      int lastRow = Math.min((blockRow + 1) * factor, image.height());
      for (int y = blockRow * factor; y < lastRow; y++) {
        image.copyRow(y, row, 0);
        normalizer.normalizeRow(row, image, y);
        addBlocks(row, blockSums);
      }
      int start = blockRow * out.width();
      for (int x = 0; x < width; x++) {
        data[start + x] = (float) (blockSums[x] / blockArea);
      }
    }
  }

  private void addBlocks(float[] row, double[] blockSums) {
    if (factor == 4) {
      addBlocksOfFour(row, blockSums);
      return;
    }
    for (int block = 0, x = 0; block < blockSums.length; block++) {
      double sum = 0;
      for (int end = Math.min(x + factor, row.length); x < end; x++) {
        sum += row[x];
      }
      blockSums[block] += sum;
    }
  }

  /**
   * {@link #addBlocks} for the usual factor 4, unrolled: the same sums in the same order (so the same
   * values), about twice as fast.
   */
  private static void addBlocksOfFour(float[] row, double[] blockSums) {
    int whole = row.length / 4;
    for (int block = 0; block < whole; block++) {
      int x = 4 * block;
      double sum = 0;
      sum += row[x];
      sum += row[x + 1];
      sum += row[x + 2];
      sum += row[x + 3];
      blockSums[block] += sum;
    }
    if (whole < blockSums.length) {
      double sum = 0;
      for (int x = 4 * whole; x < row.length; x++) {
        sum += row[x];
      }
      blockSums[whole] += sum;
    }
  }
}
