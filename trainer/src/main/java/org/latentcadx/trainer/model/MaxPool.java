package org.latentcadx.trainer.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Square max pooling with TensorFlow SAME padding (padding never wins the maximum). */
public record MaxPool(int kernel, int stride) implements Layer {

  @Override
  public Dims outputDims(List<Dims> inputs) {
    Dims in = Layers.single(this, inputs);
    in.requireMap();
    return Dims.map(
        Padding.outputSize(in.height(), stride),
        Padding.outputSize(in.width(), stride),
        in.channels());
  }

  @Override
  public Operand<TFloat32> toTf(TfScope scope, List<Operand<TFloat32>> inputs) {
    return scope
        .ops()
        .nn
        .maxPool(
            inputs.get(0),
            scope.ops().constant(new int[] {1, kernel, kernel, 1}),
            scope.ops().constant(new int[] {1, stride, stride, 1}),
            "SAME");
  }

  @Override
  public String toOnnx(OnnxScope scope, List<String> inputs) {
    Dims in = scope.inputDims().get(0);
    return scope.node(
        "MaxPool",
        inputs,
        OnnxAttributes.ints("kernel_shape", kernel, kernel),
        OnnxAttributes.ints("strides", stride, stride),
        OnnxAttributes.ints("pads", Padding.same(in.height(), in.width(), kernel, stride)));
  }
}
