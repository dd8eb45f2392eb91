package org.latentcadx.trainer.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A per-pixel map scaled by a per-example scalar: {@code [H, W, C] × [] → [H, W, C]} (the mask times
 * the patch's lesion probability, so that a patch the classifier calls healthy paints no lesion).
 */
public record Gate() implements Layer {

  @Override
  public Dims outputDims(List<Dims> inputs) {
    if (inputs.size() != 2 || inputs.get(0).rank() != 3 || inputs.get(1).rank() != 0) {
      throw new IllegalArgumentException("gate expects a map and a scalar, got " + inputs);
    }
    return inputs.get(0);
  }

  @Override
  public Operand<TFloat32> toTf(TfScope scope, List<Operand<TFloat32>> inputs) {
    var tf = scope.ops();
    return tf.math.mul(inputs.get(0), tf.reshape(inputs.get(1), tf.constant(new int[] {-1, 1, 1, 1})));
  }

  @Override
  public String toOnnx(OnnxScope scope, List<String> inputs) {
    String shape = scope.int64Constant("shape", new long[] {4}, -1, 1, 1, 1);
    String scalar = scope.node("Reshape", List.of(inputs.get(1), shape));
    return scope.node("Mul", List.of(inputs.get(0), scalar));
  }
}
