package org.latentcadx.trainer.train;

import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/**
 * Values of the loss terms (see {@link LossGraph}), averaged over {@code samples} patches.
 *
 * @param samples number of patches the values average over
 */
public record LossValues(
    double total,
    double ce,
    double rpn,
    double inb,
    double oob,
    double bce,
    double pair,
    int samples) {

  /** Number of terms fetched per run, in the order of the components. */
  static final int TERMS = 7;

  static final LossValues NONE = new LossValues(0, 0, 0, 0, 0, 0, 0, 0);

  static LossValues of(Result result, int first, int samples) {
    double[] v = new double[TERMS];
    for (int i = 0; i < TERMS; i++) {
      v[i] = ((TFloat32) result.get(first + i)).getFloat();
    }
    return new LossValues(v[0], v[1], v[2], v[3], v[4], v[5], v[6], samples);
  }

  /** The sample-weighted mean of this and {@code other}. */
  LossValues plus(LossValues other) {
    int n = samples + other.samples;
    if (n == 0) {
      return NONE;
    }
    double a = (double) samples / n;
    double b = (double) other.samples / n;
    return new LossValues(
        a * total + b * other.total,
        a * ce + b * other.ce,
        a * rpn + b * other.rpn,
        a * inb + b * other.inb,
        a * oob + b * other.oob,
        a * bce + b * other.bce,
        a * pair + b * other.pair,
        n);
  }
}
