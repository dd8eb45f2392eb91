package org.latentcadx.trainer.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Concatenation of feature maps of equal height and width along channels (skip connections). */
public record Concat() implements Layer {

  @Override
  public Dims outputDims(List<Dims> inputs) {
    Dims first = inputs.get(0);
    int channels = 0;
    for (Dims in : inputs) {
      in.requireMap();
      if (in.height() != first.height() || in.width() != first.width()) {
        throw new IllegalArgumentException("concat expects equal spatial sizes, got " + inputs);
      }
      channels += in.channels();
    }
    return Dims.map(first.height(), first.width(), channels);
  }

  @Override
  public Operand<TFloat32> toTf(TfScope scope, List<Operand<TFloat32>> inputs) {
    return scope.ops().concat(inputs, scope.ops().constant(3));
  }

  @Override
  public String toOnnx(OnnxScope scope, List<String> inputs) {
    return scope.node("Concat", inputs, OnnxAttributes.integer("axis", 1));
  }
}
