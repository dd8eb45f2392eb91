package org.latentcadx.trainer.model;

import java.util.List;
import java.util.Objects;
import org.latentcadx.trainer.model.Architecture.Pooling;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Mean or maximum over height and width: {@code [H, W, C] → [C]}. */
public record GlobalPool(Pooling kind) implements Layer {

  public GlobalPool {
    Objects.requireNonNull(kind, "kind");
  }

  @Override
  public Dims outputDims(List<Dims> inputs) {
    Dims in = Layers.single(this, inputs);
    in.requireMap();
    return Dims.vector(in.channels());
  }

  @Override
  public Operand<TFloat32> toTf(TfScope scope, List<Operand<TFloat32>> inputs) {
    Operand<TInt32> axes = scope.ops().constant(new int[] {1, 2});
    return kind == Pooling.MAX
        ? scope.ops().max(inputs.get(0), axes)
        : scope.ops().math.mean(inputs.get(0), axes);
  }

  @Override
  public String toOnnx(OnnxScope scope, List<String> inputs) {
    String pooled = scope.node(kind == Pooling.MAX ? "GlobalMaxPool" : "GlobalAveragePool", inputs);
    return scope.node("Flatten", List.of(pooled), OnnxAttributes.integer("axis", 1));
  }
}
