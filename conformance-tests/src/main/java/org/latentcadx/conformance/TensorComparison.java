package org.latentcadx.conformance;

import java.util.Arrays;
import java.util.Locale;

/**
 * The one comparison every check of the kit goes through: actual against golden values under a
 * {@link Tolerance}, reporting the worst element (the one furthest beyond, or closest to, its allowed
 * difference), its index in the tensor's shape and both values.
 */
public final class TensorComparison {

  private TensorComparison() {}

  /** Compares {@code actual} with {@code expected}; shapes must be equal. */
  public static CheckResult compare(
      String caseName, String check, Tensor expected, Tensor actual, Tolerance tolerance) {
    if (!Arrays.equals(expected.shape(), actual.shape())) {
      return new CheckResult(
          caseName,
          check,
          false,
          "shape " + Arrays.toString(actual.shape()) + ", expected "
              + Arrays.toString(expected.shape()));
    }
    double[] e = expected.values();
    double[] a = actual.values();
    int worst = -1;
    double worstRatio = -1;
    double maxAbs = 0;
    int failures = 0;
    for (int i = 0; i < e.length; i++) {
      double diff = Math.abs(a[i] - e[i]);
      double allowed = tolerance.allowed(e[i]);
      boolean ok = diff <= allowed;
      // Exact checks (allowed 0) rank elements by their difference.
      double ratio =
          Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff / Math.max(allowed, Double.MIN_NORMAL);
      if (!ok) {
        failures++;
      }
      if (ratio > worstRatio) {
        worstRatio = ratio;
        worst = i;
      }
      if (!Double.isNaN(diff)) {
        maxAbs = Math.max(maxAbs, diff);
      }
    }
    if (failures == 0) {
      return new CheckResult(
          caseName,
          check,
          true,
          String.format(Locale.ROOT, "max |diff| %.3g over %d values (%s)", maxAbs, e.length, tolerance));
    }
    return new CheckResult(
        caseName,
        check,
        false,
        String.format(
            Locale.ROOT,
            "%d of %d values outside %s; worst at %s: expected %s, actual %s (|diff| %.3g > %.3g)",
            failures,
            e.length,
            tolerance,
            expected.indexOf(worst),
            format(e[worst]),
            format(a[worst]),
            Math.abs(a[worst] - e[worst]),
            tolerance.allowed(e[worst])));
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.9g", value);
  }
}
