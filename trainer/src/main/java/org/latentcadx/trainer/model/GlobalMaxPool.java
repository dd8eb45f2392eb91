package org.latentcadx.trainer.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Maximum over height and width: {@code [H, W, C] → [C]}. */
public record GlobalMaxPool() implements Layer {

  @Override
  public Dims outputDims(List<Dims> inputs) {
    Dims in = Layers.single(this, inputs);
    in.requireMap();
    return Dims.vector(in.channels());
  }

  @Override
  public Operand<TFloat32> toTf(TfScope scope, List<Operand<TFloat32>> inputs) {
    return scope.ops().max(inputs.get(0), scope.ops().constant(new int[] {1, 2}));
  }

  @Override
  public String toOnnx(OnnxScope scope, List<String> inputs) {
    String pooled = scope.node("GlobalMaxPool", inputs);
    return scope.node("Flatten", List.of(pooled), OnnxAttributes.integer("axis", 1));
  }
}
