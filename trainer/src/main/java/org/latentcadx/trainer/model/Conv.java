package org.latentcadx.trainer.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Square 2-D convolution with TensorFlow SAME padding, optionally with a bias.
 *
 * @param kernelInit {@code HE_NORMAL} for hidden layers; {@code ZEROS} for output layers (logits start
 *     at 0, so the initial losses are those of an uninformed guess)
 */
public record Conv(int kernel, int stride, int filters, boolean bias, ParamSpec.Init kernelInit)
    implements Layer {

  /** A hidden convolution without bias (batch norm follows), He-initialised. */
  public static Conv hidden(int kernel, int stride, int filters) {
    return new Conv(kernel, stride, filters, false, ParamSpec.Init.HE_NORMAL);
  }

  /** A 1×1 output convolution with bias, zero-initialised. */
  public static Conv output(int filters) {
    return new Conv(1, 1, filters, true, ParamSpec.Init.ZEROS);
  }

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
            kernelInit,
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
