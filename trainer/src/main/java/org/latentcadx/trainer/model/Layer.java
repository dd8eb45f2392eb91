package org.latentcadx.trainer.model;

import ai.onnx.proto.OnnxMl.AttributeProto;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One primitive layer. Each layer defines, side by side, its output shape, its parameters, its
 * TensorFlow ops (NHWC) and its ONNX nodes (NCHW), so that the trained graph and the exported graph
 * cannot drift apart.
 */
public interface Layer {

  /** Output shape for the given input shapes; throws when the inputs do not fit the layer. */
  Dims outputDims(List<Dims> inputs);

  /** Parameters of the layer when it is node {@code node} with the given inputs. */
  default List<ParamSpec> params(String node, List<Dims> inputs) {
    return List.of();
  }

  /** Appends the layer's TensorFlow ops. */
  Operand<TFloat32> toTf(TfScope scope, List<Operand<TFloat32>> inputs);

  /** Appends the layer's ONNX nodes and returns the name of its output tensor. */
  String toOnnx(OnnxScope scope, List<String> inputs);

  /** What a layer sees while its TensorFlow ops are built. */
  interface TfScope {
    Ops ops();

    /** The variable holding parameter {@code <node>/<suffix>}. */
    Operand<TFloat32> param(String suffix);

    /** Whether batch normalisation uses batch statistics and updates its moving statistics. */
    boolean training();

    /** Registers an op to run with every training step (moving-statistics updates). */
    void addUpdate(Op update);

    List<Dims> inputDims();
  }

  /** What a layer sees while its ONNX nodes are built. */
  interface OnnxScope {
    /** The initializer name of parameter {@code <node>/<suffix>}, in ONNX layout. */
    String param(String suffix);

    /** Adds a node and returns its output name; successive nodes of one layer get distinct names. */
    String node(String opType, List<String> inputs, AttributeProto... attributes);

    /** Adds a float constant initializer (ONNX layout) and returns its name. */
    String floatConstant(String suffix, FloatArray value);

    /** Adds an int64 constant initializer and returns its name. */
    String int64Constant(String suffix, long[] dims, long... values);

    List<Dims> inputDims();
  }
}
