package org.latentcadx.trainer.model;

import java.util.Arrays;

/**
 * One parameter tensor of a layer.
 *
 * @param name full name, {@code <node>/<suffix>}; the TensorFlow variable and the ONNX initializer use it
 * @param shape shape in TensorFlow layout (e.g. convolution kernels {@code [kh, kw, in, out]})
 * @param init how a fresh model initialises it
 * @param fanIn inputs per output unit, for {@link Init#HE_NORMAL}
 * @param trainable whether gradients update it (batch-norm moving statistics are not trainable)
 * @param onnxPermutation axis permutation from the TensorFlow layout to the ONNX layout
 */
public record ParamSpec(
    String name, long[] shape, Init init, int fanIn, boolean trainable, int[] onnxPermutation) {

  /** Initial values of a parameter. */
  public enum Init {
    /** Normal with standard deviation sqrt(2 / fanIn) (He et al., 2015). */
    HE_NORMAL,
    ZEROS,
    ONES
  }

  /** Number of elements. */
  public int size() {
    return Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b));
  }
}
