package org.latentcadx.trainer.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * ×2 up-sampling by a 2×2 transposed convolution with stride 2 (no overlap, no padding, no bias).
 * TensorFlow kernel {@code [2, 2, filters, in]}; ONNX ConvTranspose weight {@code [in, filters, 2, 2]}.
 */
public record UpConv(int filters) implements Layer {

  @Override
  public Dims outputDims(List<Dims> inputs) {
    Dims in = Layers.single(this, inputs);
    in.requireMap();
    return Dims.map(in.height() * 2, in.width() * 2, filters);
  }

  @Override
  public List<ParamSpec> params(String node, List<Dims> inputs) {
    int in = inputs.get(0).channels();
    return List.of(
        Layers.kernel(node, new long[] {2, 2, filters, in}, ParamSpec.Init.HE_NORMAL, in, 3, 2, 0, 1));
  }

  @Override
  public Operand<TFloat32> toTf(TfScope scope, List<Operand<TFloat32>> inputs) {
    Ops tf = scope.ops();
    Operand<TFloat32> x = inputs.get(0);
    var outputShape =
        tf.math.add(
            tf.math.mul(tf.shape(x), tf.constant(new int[] {1, 2, 2, 0})),
            tf.constant(new int[] {0, 0, 0, filters}));
    return tf.nn.conv2dBackpropInput(
        outputShape, scope.param("kernel"), x, List.of(1L, 2L, 2L, 1L), "VALID");
  }

  @Override
  public String toOnnx(OnnxScope scope, List<String> inputs) {
    return scope.node(
        "ConvTranspose",
        List.of(inputs.get(0), scope.param("kernel")),
        OnnxAttributes.ints("kernel_shape", 2, 2),
        OnnxAttributes.ints("strides", 2, 2));
  }
}
