package org.latentcadx.trainer.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Fully connected output layer with bias: {@code [C] → [units]}; kernel {@code [C, units]} in both
 * graphs, zero-initialised (the logits start at 0).
 */
public record Dense(int units) implements Layer {

  @Override
  public Dims outputDims(List<Dims> inputs) {
    Dims in = Layers.single(this, inputs);
    if (in.rank() != 1) {
      throw new IllegalArgumentException("dense expects a vector per example, got " + in);
    }
    return Dims.vector(units);
  }

  @Override
  public List<ParamSpec> params(String node, List<Dims> inputs) {
    int in = inputs.get(0).channels();
    return List.of(
        Layers.kernel(node, new long[] {in, units}, ParamSpec.Init.ZEROS, in, 0, 1),
        Layers.bias(node, units));
  }

  @Override
  public Operand<TFloat32> toTf(TfScope scope, List<Operand<TFloat32>> inputs) {
    return scope
        .ops()
        .math
        .add(scope.ops().linalg.matMul(inputs.get(0), scope.param("kernel")), scope.param("bias"));
  }

  @Override
  public String toOnnx(OnnxScope scope, List<String> inputs) {
    return scope.node(
        "Gemm", List.of(inputs.get(0), scope.param("kernel"), scope.param("bias")));
  }
}
