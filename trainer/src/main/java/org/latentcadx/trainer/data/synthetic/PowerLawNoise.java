package org.latentcadx.trainer.data.synthetic;

import java.util.Random;
import org.jtransforms.fft.FloatFFT_2D;

/**
 * Gaussian random fields with a power-law spectrum {@code P(f) ∝ 1/f^β}, made by filtering white noise
 * in the Fourier domain. β ≈ 3 reproduces the spectrum measured on mammographic parenchyma (Burgess et
 * al.); smaller β gives finer texture. Fields are periodic, zero-mean and scaled to unit variance.
 *
 * <p>One complex FFT pair yields two independent fields: complex white noise, filtered by a real
 * symmetric gain, has independent real and imaginary parts. Grids are powers of two (fast FFTs).
 */
final class PowerLawNoise {

  private PowerLawNoise() {}

  /**
   * Two independent fields covering at least {@code width × height} downsampled pixels with cells of
   * {@code cell} pixels (coarse textures need no more than every other pixel).
   */
  static Field[] pair(int width, int height, int cell, double beta, Random random) {
    int w = Integer.highestOneBit(Math.max(1, (width + cell - 1) / cell - 1)) << 1;
    int h = Integer.highestOneBit(Math.max(1, (height + cell - 1) / cell - 1)) << 1;
    float[] data = new float[2 * w * h];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextGaussian();
    }
    FloatFFT_2D fft = new FloatFFT_2D(h, w);
    fft.complexForward(data);
    for (int v = 0; v < h; v++) {
      double fy = frequency(v, h);
      for (int u = 0; u < w; u++) {
        double fx = frequency(u, w);
        double f2 = fx * fx + fy * fy;
        float gain = f2 == 0 ? 0 : (float) Math.pow(f2, -beta / 4);
        int k = 2 * (v * w + u);
        data[k] *= gain;
        data[k + 1] *= gain;
      }
    }
    fft.complexInverse(data, false);
    return new Field[] {standardised(data, 0, w, h, cell), standardised(data, 1, w, h, cell)};
  }

  private static Field standardised(float[] complex, int part, int w, int h, int cell) {
    float[] field = new float[w * h];
    double sum = 0;
    double sumSquares = 0;
    for (int i = 0; i < field.length; i++) {
      field[i] = complex[2 * i + part];
      sum += field[i];
      sumSquares += (double) field[i] * field[i];
    }
    double mean = sum / field.length;
    double sd = Math.sqrt(Math.max(1e-30, sumSquares / field.length - mean * mean));
    for (int i = 0; i < field.length; i++) {
      field[i] = (float) ((field[i] - mean) / sd);
    }
    return new Field(w, h, cell, field);
  }

  /** Signed frequency of FFT bin {@code k} of {@code n}, in cycles per cell. */
  private static double frequency(int k, int n) {
    return (k <= n / 2 ? k : k - n) / (double) n;
  }
}
