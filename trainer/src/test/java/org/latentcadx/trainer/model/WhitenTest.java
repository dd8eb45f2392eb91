package org.latentcadx.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WhitenTest {

  private static final int K = Whiten.KERNEL;
  private static final float[] KERNEL = Whiten.kernel();

  @Test
  void kernelIsSymmetricWithUnitGainEnergyAndRemovesTheMean() {
    double sum = 0;
    double energy = 0;
    for (int y = 0; y < K; y++) {
      for (int x = 0; x < K; x++) {
        float value = KERNEL[y * K + x];
        sum += value;
        energy += value * value;
        assertThat(value).isCloseTo(KERNEL[(K - 1 - y) * K + (K - 1 - x)], within(1e-6f));
        assertThat(value).isCloseTo(KERNEL[x * K + y], within(1e-6f));
      }
    }
    assertThat(sum).isCloseTo(0, within(1e-5));
    assertThat(energy).isCloseTo(Whiten.GAIN * Whiten.GAIN, within(1e-3));
  }

  @Test
  void responseRisesAsFrequencyToTheHalfBetaUpToTheNoiseFloorThenStaysFlat() {
    double low = response(1, 0);
    double twiceAsHigh = response(2, 0);
    double floor = response(5, 0);
    double highest = response(7, 0);

    assertThat(twiceAsHigh / low).isCloseTo(Math.pow(2, Whiten.BETA / 2), within(1e-4));
    assertThat(highest).isCloseTo(floor, within(1e-4 * floor));
    assertThat(response(0, 0)).isCloseTo(0, within(1e-5));
  }

  /** The kernel's DFT magnitude at grid frequency (u, v) / K. */
  private static double response(int u, int v) {
    double re = 0;
    double im = 0;
    for (int y = 0; y < K; y++) {
      for (int x = 0; x < K; x++) {
        double phase = -2 * Math.PI * (u * y + v * x) / K;
        re += KERNEL[y * K + x] * Math.cos(phase);
        im += KERNEL[y * K + x] * Math.sin(phase);
      }
    }
    return Math.hypot(re, im);
  }
}
