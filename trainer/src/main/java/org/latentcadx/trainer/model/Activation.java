package org.latentcadx.trainer.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Element-wise ReLU or sigmoid, or softmax over the last axis. */
public record Activation(Kind kind) implements Layer {

  public static final Activation RELU = new Activation(Kind.RELU);
  public static final Activation SIGMOID = new Activation(Kind.SIGMOID);
  public static final Activation SOFTMAX = new Activation(Kind.SOFTMAX);

  /** The activation function. */
  public enum Kind {
    RELU,
    SIGMOID,
    SOFTMAX
  }

  @Override
  public Dims outputDims(List<Dims> inputs) {
    Dims in = Layers.single(this, inputs);
    if (kind == Kind.SOFTMAX && in.rank() != 1) {
      throw new IllegalArgumentException("softmax expects a vector per example, got " + in);
    }
    return in;
  }

  @Override
  public Operand<TFloat32> toTf(TfScope scope, List<Operand<TFloat32>> inputs) {
    Operand<TFloat32> x = inputs.get(0);
    return switch (kind) {
      case RELU -> scope.ops().nn.relu(x);
      case SIGMOID -> scope.ops().math.sigmoid(x);
      case SOFTMAX -> scope.ops().nn.softmax(x);
    };
  }

  @Override
  public String toOnnx(OnnxScope scope, List<String> inputs) {
    return switch (kind) {
      case RELU -> scope.node("Relu", inputs);
      case SIGMOID -> scope.node("Sigmoid", inputs);
      case SOFTMAX -> scope.node("Softmax", inputs, OnnxAttributes.integer("axis", 1));
    };
  }
}
