package org.latentcadx.trainer.model;

/** TensorFlow's {@code SAME} padding written as explicit ONNX pads (extra pixel at the end). */
final class Padding {
  private Padding() {}

  /** ONNX {@code pads} [top, left, bottom, right] equal to TensorFlow SAME for a square kernel. */
  static long[] same(int height, int width, int kernel, int stride) {
    long[] h = sameOneAxis(height, kernel, stride);
    long[] w = sameOneAxis(width, kernel, stride);
    return new long[] {h[0], w[0], h[1], w[1]};
  }

  static int outputSize(int size, int stride) {
    return (size + stride - 1) / stride;
  }

  private static long[] sameOneAxis(int size, int kernel, int stride) {
    int total = Math.max((outputSize(size, stride) - 1) * stride + kernel - size, 0);
    return new long[] {total / 2, total - total / 2};
  }
}
