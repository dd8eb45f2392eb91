package org.latentcadx.trainer.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;

/**
 * Batch normalisation over channels. In training mode it normalises with the batch statistics and
 * moves {@code moving = momentum·moving + (1 − momentum)·batch}; in inference mode, and in ONNX, it
 * uses the moving statistics.
 */
public record BatchNorm(float epsilon, float momentum) implements Layer {

  /** Epsilon 1e-3 (the Keras default); momentum 0.9, short enough for the few epochs we train. */
  public static final BatchNorm DEFAULT = new BatchNorm(1e-3f, 0.9f);

  @Override
  public Dims outputDims(List<Dims> inputs) {
    return Layers.single(this, inputs);
  }

  @Override
  public List<ParamSpec> params(String node, List<Dims> inputs) {
    int c = inputs.get(0).channels();
    return List.of(
        vector(node + "/gamma", c, ParamSpec.Init.ONES, true),
        vector(node + "/beta", c, ParamSpec.Init.ZEROS, true),
        vector(node + "/moving_mean", c, ParamSpec.Init.ZEROS, false),
        vector(node + "/moving_variance", c, ParamSpec.Init.ONES, false));
  }

  private static ParamSpec vector(String name, int c, ParamSpec.Init init, boolean trainable) {
    return new ParamSpec(name, new long[] {c}, init, c, trainable, new int[] {0});
  }

  @Override
  public Operand<TFloat32> toTf(TfScope scope, List<Operand<TFloat32>> inputs) {
    Ops tf = scope.ops();
    Operand<TFloat32> mean = scope.param("moving_mean");
    Operand<TFloat32> variance = scope.param("moving_variance");
    if (!scope.training()) {
      return tf.nn
          .fusedBatchNorm(
              inputs.get(0),
              scope.param("gamma"),
              scope.param("beta"),
              mean,
              variance,
              FusedBatchNorm.isTraining(false),
              FusedBatchNorm.epsilon(epsilon))
          .y();
    }
    Operand<TFloat32> empty = tf.constant(new float[0]);
    FusedBatchNorm<TFloat32, TFloat32> bn =
        tf.nn.fusedBatchNorm(
            inputs.get(0),
            scope.param("gamma"),
            scope.param("beta"),
            empty,
            empty,
            FusedBatchNorm.isTraining(true),
            FusedBatchNorm.epsilon(epsilon));
    Operand<TFloat32> rate = tf.constant(1f - momentum);
    scope.addUpdate(tf.assignSub(mean, tf.math.mul(tf.math.sub(mean, bn.batchMean()), rate)));
    scope.addUpdate(
        tf.assignSub(variance, tf.math.mul(tf.math.sub(variance, bn.batchVariance()), rate)));
    return bn.y();
  }

  @Override
  public String toOnnx(OnnxScope scope, List<String> inputs) {
    return scope.node(
        "BatchNormalization",
        List.of(
            inputs.get(0),
            scope.param("gamma"),
            scope.param("beta"),
            scope.param("moving_mean"),
            scope.param("moving_variance")),
        OnnxAttributes.real("epsilon", epsilon));
  }
}
