package org.latentcadx.sdk.internal.postprocess;

/**
 * Smooths a row-major map with a Gaussian of standard deviation {@code sigma} pixels, as SciPy's {@code
 * ndimage.gaussian_filter(map, sigma, mode="constant")} does: separable, first down the columns then
 * along the rows, the kernel truncated at 4 σ (radius {@code (int) (4 σ + 0.5)}) and normalised to sum
 * 1, zeros beyond the map's edges. A broad response (a mass) then outranks a narrow spike of the same
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
    float[] line = new float[Math.max(width, height)];
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        line[y] = values[y * width + x];
      }
      for (int y = 0; y < height; y++) {
        values[y * width + x] = correlate(line, height, y, kernel);
      }
    }
    for (int y = 0; y < height; y++) {
      System.arraycopy(values, y * width, line, 0, width);
      for (int x = 0; x < width; x++) {
        values[y * width + x] = correlate(line, width, x, kernel);
      }
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

  /** The kernel centred on {@code at} of the first {@code length} values of {@code line}, zero outside. */
  private static float correlate(float[] line, int length, int at, double[] kernel) {
    int radius = kernel.length / 2;
    int from = Math.max(0, at - radius);
    int to = Math.min(length - 1, at + radius);
    double sum = 0;
    for (int i = from; i <= to; i++) {
      sum += kernel[i - at + radius] * line[i];
    }
    return (float) sum;
  }
}
