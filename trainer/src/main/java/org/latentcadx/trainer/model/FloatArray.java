package org.latentcadx.trainer.model;

import java.util.Arrays;

/** A dense row-major float tensor. */
public record FloatArray(long[] shape, float[] values) {

  public FloatArray {
    long size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    if (size != values.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " needs " + size + " values, got " + values.length);
    }
  }

  /** The tensor with its axes permuted: output axis {@code i} is input axis {@code permutation[i]}. */
  public FloatArray transpose(int[] permutation) {
    int rank = shape.length;
    long[] outShape = new long[rank];
    for (int i = 0; i < rank; i++) {
      outShape[i] = shape[permutation[i]];
    }
    long[] inStrides = strides(shape);
    float[] out = new float[values.length];
    int[] index = new int[rank];
    for (int flat = 0; flat < out.length; flat++) {
      long source = 0;
      for (int i = 0; i < rank; i++) {
        source += index[i] * inStrides[permutation[i]];
      }
      out[flat] = values[(int) source];
      for (int i = rank - 1; i >= 0; i--) {
        if (++index[i] < outShape[i]) {
          break;
        }
        index[i] = 0;
      }
    }
    return new FloatArray(outShape, out);
  }

  private static long[] strides(long[] shape) {
    long[] strides = new long[shape.length];
    long stride = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      strides[i] = stride;
      stride *= shape[i];
    }
    return strides;
  }

  /** Largest absolute difference to {@code other} (same shape required). */
  public double maxAbsDifference(FloatArray other) {
    if (!Arrays.equals(shape, other.shape)) {
      throw new IllegalArgumentException(
          Arrays.toString(shape) + " vs " + Arrays.toString(other.shape));
    }
    double max = 0;
    for (int i = 0; i < values.length; i++) {
      max = Math.max(max, Math.abs(values[i] - other.values[i]));
    }
    return max;
  }
}
