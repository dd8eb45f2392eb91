package org.latentcadx.trainer.model;

import java.util.List;

/** Helpers shared by the layer definitions. */
final class Layers {
  private Layers() {}

  static Dims single(Layer layer, List<Dims> inputs) {
    if (inputs.size() != 1) {
      throw new IllegalArgumentException(layer + " expects one input, got " + inputs.size());
    }
    return inputs.get(0);
  }

  /** A trainable kernel of TensorFlow shape {@code shape}. */
  static ParamSpec kernel(
      String node, long[] shape, ParamSpec.Init init, int fanIn, int... onnxPermutation) {
    return new ParamSpec(node + "/kernel", shape, init, fanIn, true, onnxPermutation);
  }

  static ParamSpec bias(String node, int size) {
    return new ParamSpec(
        node + "/bias", new long[] {size}, ParamSpec.Init.ZEROS, size, true, new int[] {0});
  }
}
