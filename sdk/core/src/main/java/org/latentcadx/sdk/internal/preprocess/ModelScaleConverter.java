package org.latentcadx.sdk.internal.preprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.internal.FloatGrid;

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
    int bands = Math.max(1, Math.min(threads, height / MIN_BLOCK_ROWS_PER_THREAD));
    Throwable[] failures = new Throwable[bands];
    List<Thread> helpers = new ArrayList<>();
    for (int band = 1; band < bands; band++) {
      int index = band;
      Thread helper =
          new Thread(() -> failures[index] = convertBand(image, out, index, bands, width, height),
              "latentcadx-preprocess");
      helper.setDaemon(true);
      helper.start();
      helpers.add(helper);
    }
    failures[0] = convertBand(image, out, 0, bands, width, height);
    joinAll(helpers);
    for (Throwable failure : failures) {
      if (failure instanceof LatentCadxException e) {
        throw e;
      } else if (failure instanceof RuntimeException e) {
        throw e;
      } else if (failure instanceof Error e) {
        throw e;
      }
    }
    return out;
  }

  /** Block rows [height·band/bands, height·(band+1)/bands) into {@code out}; the failure, or null. */
  private Throwable convertBand(
      MammogramImage image, FloatGrid out, int band, int bands, int width, int height) {
    try {
      int first = (int) ((long) height * band / bands);
      int end = (int) ((long) height * (band + 1) / bands);
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
      return null;
    } catch (LatentCadxException | RuntimeException | Error e) {
      return e;
    }
  }

  private static void joinAll(List<Thread> helpers) {
    boolean interrupted = false;
    for (Thread helper : helpers) {
      while (helper.isAlive()) {
        try {
          helper.join();
        } catch (InterruptedException e) {
          interrupted = true; // the bands take milliseconds; finish them, then keep the interrupt
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
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
