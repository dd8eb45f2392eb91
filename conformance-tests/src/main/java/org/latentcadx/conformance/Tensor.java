package org.latentcadx.conformance;

import java.util.Arrays;

/**
 * A dense row-major tensor as the kit compares it: a shape and its values widened to {@code double}
 * (exact for float32 and for integers up to 2^53), with the ONNX element type it is stored as.
 */
public record Tensor(long[] shape, double[] values, ElementType type) {

  /** The ONNX element types golden files use. */
  public enum ElementType {
    FLOAT,
    DOUBLE,
    INT64
  }

  public Tensor {
    shape = shape.clone();
    if (Arrays.stream(shape).reduce(1, Math::multiplyExact) != values.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " does not hold " + values.length + " values");
    }
  }

  /** A float32 tensor. */
  public static Tensor ofFloats(long[] shape, float[] values) {
    double[] wide = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      wide[i] = values[i];
    }
    return new Tensor(shape, wide, ElementType.FLOAT);
  }

  /** A float64 tensor. */
  public static Tensor ofDoubles(long[] shape, double[] values) {
    return new Tensor(shape, values.clone(), ElementType.DOUBLE);
  }

  /** An int64 tensor. */
  public static Tensor ofLongs(long[] shape, long[] values) {
    return new Tensor(shape, Arrays.stream(values).asDoubleStream().toArray(), ElementType.INT64);
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** The values narrowed to float32. */
  public float[] floats() {
    float[] narrow = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      narrow[i] = (float) values[i];
    }
    return narrow;
  }

  /** The values as integers (exact for {@link ElementType#INT64}). */
  public long[] longs() {
    return Arrays.stream(values).mapToLong(v -> (long) v).toArray();
  }

  /** The element at {@code flatIndex} written as {@code [i, j, …]} in this tensor's shape. */
  public String indexOf(int flatIndex) {
    long[] index = new long[shape.length];
    long rest = flatIndex;
    for (int axis = shape.length - 1; axis >= 0; axis--) {
      index[axis] = rest % shape[axis];
      rest /= shape[axis];
    }
    return Arrays.toString(index);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tensor that
        && type == that.type
        && Arrays.equals(shape, that.shape)
        && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return type + Arrays.toString(shape);
  }
}
