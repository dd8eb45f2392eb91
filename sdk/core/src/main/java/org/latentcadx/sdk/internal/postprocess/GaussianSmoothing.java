package org.latentcadx.sdk.internal.postprocess;

import java.util.Arrays;
import org.latentcadx.sdk.internal.RowBands;

/**
 * Smooths a row-major map with a Gaussian of standard deviation {@code sigma} pixels, as SciPy's {@code
 * ndimage.gaussian_filter(map, sigma, mode="constant")} does: separable, first down the columns then
 * along the rows, the kernel truncated at 4 σ (radius {@code (int) (4 σ + 0.5)}) and normalised to sum
 * 1, zeros beyond the map's edges. A broad response (a mass) then outranks a narrow spike of the same
 * height. Each pass adds whole kernel-weighted rows (or shifted rows) into a row of double sums, a loop
 * the JIT vectorises, on bands of rows ({@link RowBands}); it needs one copy of the map.
 */
public final class GaussianSmoothing {

  /** Fewer rows than this per thread are not worth a thread's start. */
  private static final int MIN_ROWS_PER_THREAD = 64;

  private GaussianSmoothing() {}

  /**
   * Smooths {@code values} ({@code width × height}, row-major) in place on the calling thread and up to
   * {@code threads − 1} threads started for the call (the same values on any number); {@code sigma} 0
   * leaves it.
   */
  public static void smoothInPlace(float[] values, int width, int height, double sigma, int threads) {
    if (values.length != width * height) {
      throw new IllegalArgumentException(
          "expected " + width + " × " + height + " values, got " + values.length);
    }
    if (!(sigma >= 0)) {
      throw new IllegalArgumentException("sigma must be >= 0, got " + sigma);
    }
    if (sigma == 0) {
      return;
    }
    double[] kernel = kernel(sigma);
    float[] source = values.clone();
    RowBands.run(height, threads, MIN_ROWS_PER_THREAD,
        (first, end) -> smoothColumns(source, values, width, height, kernel, first, end));
    RowBands.run(height, threads, MIN_ROWS_PER_THREAD,
        (first, end) -> smoothRows(values, width, kernel, first, end));
  }

  /** Rows [first, end) of {@code values}: each the kernel-weighted sum of rows y − r … y + r of source. */
  private static void smoothColumns(
      float[] source, float[] values, int width, int height, double[] kernel, int first, int end) {
    int radius = kernel.length / 2;
    double[] sums = new double[width];
    for (int y = first; y < end; y++) {
      Arrays.fill(sums, 0);
      for (int k = Math.max(0, radius - y); k < kernel.length && y + k - radius < height; k++) {
        addScaled(sums, source, (y + k - radius) * width, kernel[k], 0, width);
      }
      store(sums, values, y * width, width);
    }
  }

  /** Rows [first, end) in place: pixel x becomes the kernel-weighted sum of its row's x − r … x + r. */
  private static void smoothRows(float[] values, int width, double[] kernel, int first, int end) {
    int radius = kernel.length / 2;
    double[] sums = new double[width];
    float[] line = new float[width];
    for (int y = first; y < end; y++) {
      System.arraycopy(values, y * width, line, 0, width);
      Arrays.fill(sums, 0);
      for (int k = 0; k < kernel.length; k++) {
        int shift = k - radius;
        addScaled(sums, line, shift, kernel[k], Math.max(0, -shift), Math.min(width, width - shift));
      }
      store(sums, values, y * width, width);
    }
  }

  /** {@code sums[i] += weight · values[offset + i]} for {@code i} in [{@code from}, {@code to}). */
  private static void addScaled(double[] sums, float[] values, int offset, double weight, int from, int to) {
    for (int i = from; i < to; i++) {
      sums[i] += weight * values[offset + i];
    }
  }

  private static void store(double[] sums, float[] values, int offset, int length) {
    for (int i = 0; i < length; i++) {
      values[offset + i] = (float) sums[i];
    }
  }

  private static double[] kernel(double sigma) {
    int radius = (int) (4 * sigma + 0.5);
    double[] kernel = new double[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      kernel[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
      sum += kernel[i + radius];
    }
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] /= sum;
    }
    return kernel;
  }
}
