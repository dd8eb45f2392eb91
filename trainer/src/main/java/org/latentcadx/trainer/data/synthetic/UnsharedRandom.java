package org.latentcadx.trainer.data.synthetic;

import java.util.Random;

/**
 * {@link Random}'s exact sequence (the 48-bit linear congruential generator and the polar Gaussian its
 * javadoc specifies) without its locking and atomic updates, for a generator used by one thread only.
 * Synthetic images draw millions of Gaussians each; this halves their cost and keeps every data set
 * bit for bit what {@code new Random(seed)} made.
 */
final class UnsharedRandom extends Random {

  private static final long MULTIPLIER = 0x5DEECE66DL;
  private static final long MASK = (1L << 48) - 1;

  // No field initialisers: Random's constructor calls setSeed before they would run.
  private long state;
  private double nextNextGaussian;
  private boolean haveNextNextGaussian;

  UnsharedRandom(long seed) {
    super(seed);
  }

  @Override
  public void setSeed(long seed) {
    state = (seed ^ MULTIPLIER) & MASK;
    haveNextNextGaussian = false;
  }

  @Override
  protected int next(int bits) {
    state = (state * MULTIPLIER + 0xBL) & MASK;
    return (int) (state >>> (48 - bits));
  }

  @Override
  public double nextGaussian() {
    if (haveNextNextGaussian) {
      haveNextNextGaussian = false;
      return nextNextGaussian;
    }
    double v1;
    double v2;
    double s;
    do {
      v1 = 2 * nextDouble() - 1;
      v2 = 2 * nextDouble() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s == 0);
    double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    nextNextGaussian = v2 * multiplier;
    haveNextNextGaussian = true;
    return v1 * multiplier;
  }
}
