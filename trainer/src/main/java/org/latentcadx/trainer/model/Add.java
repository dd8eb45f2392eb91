package org.latentcadx.trainer.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Element-wise sum of two tensors of the same shape (the residual connection). */
public record Add() implements Layer {

  @Override
  public Dims outputDims(List<Dims> inputs) {
    if (inputs.size() != 2 || !inputs.get(0).equals(inputs.get(1))) {
      throw new IllegalArgumentException("add expects two equal shapes, got " + inputs);
    }
    return inputs.get(0);
  }

  @Override
  public Operand<TFloat32> toTf(TfScope scope, List<Operand<TFloat32>> inputs) {
    return scope.ops().math.add(inputs.get(0), inputs.get(1));
  }

  @Override
  public String toOnnx(OnnxScope scope, List<String> inputs) {
    return scope.node("Add", inputs);
  }
}
