package org.latentcadx.trainer.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.latentcadx.trainer.model.Dims;
import org.latentcadx.trainer.model.FloatArray;
import org.latentcadx.trainer.model.Layer;
import org.latentcadx.trainer.model.Network;
import org.latentcadx.trainer.model.Node;
import org.latentcadx.trainer.model.ParamSpec;
import org.latentcadx.trainer.model.Weights;

/**
 * Writes a {@link Network} with its weights as an ONNX model (NCHW, opset {@value #OPSET}, IR version
 * {@value #IR_VERSION}). Only the nodes the requested outputs depend on are written; batch norm uses
 * the moving statistics. Tensor names are node names, so the outputs keep the names of their nodes.
 */
public final class OnnxExporter {
  public static final int OPSET = 17;

  /** IR version 8: the newest that both ONNX Runtime 1.23 and onnx 1.12's checker accept. */
  public static final int IR_VERSION = 8;

  private static final String BATCH = "N";

  private final Network network;
  private final Weights weights;
  private final Map<String, ParamSpec> specs = new java.util.HashMap<>();

  public OnnxExporter(Network network, Weights weights) {
    this.network = network;
    this.weights = weights;
    network.params().forEach(spec -> specs.put(spec.name(), spec));
  }

  /** The model computing {@code outputs}, with {@code metadata} as its metadata properties. */
  public ModelProto export(String graphName, List<String> outputs, Map<String, String> metadata) {
    GraphBuilder graph = new GraphBuilder();
    for (Node node : network.nodesFor(outputs)) {
      graph.add(node);
    }
    GraphProto.Builder proto = GraphProto.newBuilder().setName(graphName);
    graph.nodes.forEach(n -> proto.addNode(n.build()));
    proto.addAllInitializer(graph.initializers);
    proto.addInput(valueInfo(Network.INPUT, network.inputDims()));
    outputs.forEach(name -> proto.addOutput(valueInfo(name, network.dims(name))));
    ModelProto.Builder model =
        ModelProto.newBuilder()
            .setIrVersion(IR_VERSION)
            .setProducerName("latentcadx-trainer")
            .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
            .setGraph(proto);
    metadata.forEach(
        (key, value) ->
            model.addMetadataProps(
                StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
    return model.build();
  }

  private static ValueInfoProto valueInfo(String name, Dims dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
    List<Integer> nchw =
        dims.rank() == 3
            ? List.of(dims.channels(), dims.height(), dims.width())
            : dims.sizes();
    nchw.forEach(d -> shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d)));
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            TypeProto.newBuilder()
                .setTensorType(
                    TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT_VALUE)
                        .setShape(shape)))
        .build();
  }

  private final class GraphBuilder {
    private final List<NodeProto.Builder> nodes = new ArrayList<>();
    private final List<TensorProto> initializers = new ArrayList<>();
    private final Set<String> initializerNames = new HashSet<>();

    void add(Node node) {
      List<Dims> inputDims = node.inputs().stream().map(network::dims).toList();
      int first = nodes.size();
      Layer.OnnxScope scope =
          new Layer.OnnxScope() {
            @Override
            public String param(String suffix) {
              String name = node.name() + "/" + suffix;
              if (initializerNames.add(name)) {
                FloatArray value = weights.get(name).transpose(specs.get(name).onnxPermutation());
                initializers.add(OnnxTensors.of(name, value));
              }
              return name;
            }

            @Override
            public String node(String opType, List<String> inputs, AttributeProto... attributes) {
              String output = node.name() + "/" + opType + "_" + (nodes.size() - first);
              nodes.add(
                  NodeProto.newBuilder()
                      .setName(output)
                      .setOpType(opType)
                      .addAllInput(inputs)
                      .addOutput(output)
                      .addAllAttribute(List.of(attributes)));
              return output;
            }

            @Override
            public String floatConstant(String suffix, FloatArray value) {
              String name = node.name() + "/" + suffix;
              initializers.add(OnnxTensors.of(name, value));
              initializerNames.add(name);
              return name;
            }

            @Override
            public String int64Constant(String suffix, long[] dims, long... values) {
              String name = node.name() + "/" + suffix;
              TensorProto.Builder tensor =
                  TensorProto.newBuilder()
                      .setName(name)
                      .setDataType(TensorProto.DataType.INT64_VALUE);
              for (long d : dims) {
                tensor.addDims(d);
              }
              for (long v : values) {
                tensor.addInt64Data(v);
              }
              initializers.add(tensor.build());
              initializerNames.add(name);
              return name;
            }

            @Override
            public List<Dims> inputDims() {
              return inputDims;
            }
          };
      String output = node.layer().toOnnx(scope, node.inputs());
      NodeProto.Builder last = nodes.get(nodes.size() - 1);
      if (nodes.size() == first || !last.getOutput(0).equals(output)) {
        throw new IllegalStateException(
            "layer " + node.layer() + " must end with the node producing its output");
      }
      last.setOutput(0, node.name()).setName(node.name());
    }
  }
}
