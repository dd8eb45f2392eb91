package org.latentcadx.trainer.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Square 2-D convolution with TensorFlow SAME padding, optionally with a bias. */
public record Conv(int kernel, int stride, int filters, boolean bias) implements Layer {

  @Override
  public Dims outputDims(List<Dims> inputs) {
    Dims in = Layers.single(this, inputs);
    in.requireMap();
    return Dims.map(
        Padding.outputSize(in.height(), stride), Padding.outputSize(in.width(), stride), filters);
  }

  @Override
  public List<ParamSpec> params(String node, List<Dims> inputs) {
    int inChannels = inputs.get(0).channels();
    List<ParamSpec> params = new ArrayList<>();
    params.add(
        Layers.kernel(
            node,
            new long[] {kernel, kernel, inChannels, filters},
            kernel * kernel * inChannels,
            3, 2, 0, 1));
    if (bias) {
      params.add(Layers.bias(node, filters));
    }
    return params;
  }

  @Override
  public Operand<TFloat32> toTf(TfScope scope, List<Operand<TFloat32>> inputs) {
    Operand<TFloat32> y =
        scope
            .ops()
            .nn
            .conv2d(inputs.get(0), scope.param("kernel"), List.of(1L, (long) stride, (long) stride, 1L), "SAME");
    return bias ? scope.ops().nn.biasAdd(y, scope.param("bias")) : y;
  }

  @Override
  public String toOnnx(OnnxScope scope, List<String> inputs) {
    Dims in = scope.inputDims().get(0);
    List<String> args = new ArrayList<>(List.of(inputs.get(0), scope.param("kernel")));
    if (bias) {
      args.add(scope.param("bias"));
    }
    return scope.node(
        "Conv",
        args,
        OnnxAttributes.ints("kernel_shape", kernel, kernel),
        OnnxAttributes.ints("strides", stride, stride),
        OnnxAttributes.ints("pads", Padding.same(in.height(), in.width(), kernel, stride)));
  }
}
