package org.latentcadx.conformance;

import java.util.Locale;

/**
 * An element passes when {@code |actual − expected| ≤ atol + rtol·|expected|}, the rule of {@code
 * numpy.testing.assert_allclose} that ONNX Runtime's backend tests use. {@link #EXACT} demands equality.
 */
public record Tolerance(double rtol, double atol) {

  public static final Tolerance EXACT = new Tolerance(0, 0);

  public Tolerance {
    if (!(rtol >= 0 && atol >= 0)) {
      throw new IllegalArgumentException("tolerances must be >= 0, got rtol " + rtol + ", atol " + atol);
    }
  }

  /** The largest difference allowed from {@code expected}. */
  public double allowed(double expected) {
    return atol + rtol * Math.abs(expected);
  }

  @Override
  public String toString() {
    return this.equals(EXACT) ? "exact" : "rtol " + number(rtol) + ", atol " + number(atol);
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.0e", value);
  }
}
