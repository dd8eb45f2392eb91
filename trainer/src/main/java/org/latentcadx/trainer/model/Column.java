package org.latentcadx.trainer.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Picks one feature of a vector per example: {@code [C] → []} (e.g. softmax[:, 1]). */
public record Column(int index) implements Layer {

  @Override
  public Dims outputDims(List<Dims> inputs) {
    Dims in = Layers.single(this, inputs);
    if (in.rank() != 1 || index >= in.channels()) {
      throw new IllegalArgumentException("column " + index + " does not exist in " + in);
    }
    return Dims.scalar();
  }

  @Override
  public Operand<TFloat32> toTf(TfScope scope, List<Operand<TFloat32>> inputs) {
    return scope.ops().gather(inputs.get(0), scope.ops().constant(index), scope.ops().constant(1));
  }

  @Override
  public String toOnnx(OnnxScope scope, List<String> inputs) {
    String indexName = scope.int64Constant("index", new long[0], index);
    return scope.node(
        "Gather", List.of(inputs.get(0), indexName), OnnxAttributes.integer("axis", 1));
  }
}
