package org.latentcadx.trainer.data.synthetic;

import java.util.Random;
import org.jtransforms.fft.FloatFFT_2D;

/**
 * Gaussian random fields with a power-law spectrum {@code P(f) ∝ 1/f^β}, made by filtering white noise
 * in the Fourier domain. β ≈ 3 reproduces the spectrum measured on mammographic parenchyma (Burgess et
 * al.); smaller β gives finer texture. Fields are periodic, zero-mean and scaled to unit variance.
 * Sizes are rounded up to powers of two (fast FFTs); callers sample them through {@link Field}.
 */
final class PowerLawNoise {

  private PowerLawNoise() {}

  /** A field covering at least {@code minWidth × minHeight} pixels, with spectral exponent {@code beta}. */
  static Field generate(int minWidth, int minHeight, double beta, Random random) {
    int width = Integer.highestOneBit(Math.max(1, minWidth - 1)) << 1;
    int height = Integer.highestOneBit(Math.max(1, minHeight - 1)) << 1;
    float[] data = new float[2 * width * height];
    for (int i = 0; i < width * height; i++) {
      data[2 * i] = (float) random.nextGaussian();
    }
    FloatFFT_2D fft = new FloatFFT_2D(height, width);
    fft.complexForward(data);
    for (int v = 0; v < height; v++) {
      double fy = frequency(v, height);
      for (int u = 0; u < width; u++) {
        double fx = frequency(u, width);
        double f2 = fx * fx + fy * fy;
        double gain = f2 == 0 ? 0 : Math.pow(f2, -beta / 4);
        int k = 2 * (v * width + u);
        data[k] *= (float) gain;
        data[k + 1] *= (float) gain;
      }
    }
    fft.complexInverse(data, false);
    float[] field = new float[width * height];
    double sum = 0;
    double sumSquares = 0;
    for (int i = 0; i < field.length; i++) {
      field[i] = data[2 * i];
      sum += field[i];
      sumSquares += (double) field[i] * field[i];
    }
    double mean = sum / field.length;
    double sd = Math.sqrt(Math.max(1e-30, sumSquares / field.length - mean * mean));
    for (int i = 0; i < field.length; i++) {
      field[i] = (float) ((field[i] - mean) / sd);
    }
    return new Field(width, height, field);
  }

  /** Signed frequency of FFT bin {@code k} of {@code n}, in cycles per pixel. */
  private static double frequency(int k, int n) {
    return (k <= n / 2 ? k : k - n) / (double) n;
  }
}
