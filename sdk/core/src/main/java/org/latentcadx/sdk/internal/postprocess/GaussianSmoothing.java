package org.latentcadx.sdk.internal.postprocess;

import java.util.Arrays;

/**
 * Smooths a row-major map with a Gaussian of standard deviation {@code sigma} pixels, as SciPy's {@code
 * ndimage.gaussian_filter(map, sigma, mode="constant")} does: separable, first down the columns then
 * along the rows, the kernel truncated at 4 σ (radius {@code (int) (4 σ + 0.5)}) and normalised to sum
 * 1, zeros beyond the map's edges. Each pass adds whole kernel-weighted rows (or shifted rows) into a
 * row of double sums, a loop the JIT vectorises; it needs one copy of the map. A broad response (a mass) then outranks a narrow spike of the same
 * height.
 */
public final class GaussianSmoothing {

  private GaussianSmoothing() {}

  /** Smooths {@code values} ({@code width × height}, row-major) in place; {@code sigma} 0 leaves it. */
  public static void smoothInPlace(float[] values, int width, int height, double sigma) {
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
    int radius = kernel.length / 2;
    float[] source = values.clone();
    double[] sums = new double[width];
    // Down the columns, a whole row at a time: row y sums the kernel-weighted rows y − r … y + r.
    for (int y = 0; y < height; y++) {
      Arrays.fill(sums, 0);
      for (int k = Math.max(0, radius - y); k < kernel.length && y + k - radius < height; k++) {
        addScaled(sums, source, (y + k - radius) * width, kernel[k], 0, width);
      }
      store(sums, values, y * width, width);
    }
    // Along the rows: pixel x sums the kernel-weighted pixels x − r … x + r of its row, zero outside.
    float[] line = new float[width];
    for (int y = 0; y < height; y++) {
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
