package org.latentcadx.sdk.testing;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Tiny ONNX models for tests, built with the ONNX protobuf classes of {@code tribuo-util-onnx}, that
 * follow {@code sdk/MODEL_CONTRACT.md} unless a test breaks it on purpose. Reusable from other modules'
 * tests through the SDK's test JAR ({@code <type>test-jar</type>}, plus {@code
 * org.tribuo:tribuo-util-onnx} in test scope).
 *
 * <p>Graphs (input {@code image [N,1,T,T]}):
 *
 * <ul>
 *   <li>{@link #identity(int)}: {@code mask = image} (times {@link #maskScale(float)}), {@code
 *       probability = max pixel of the tile};
 *   <li>{@link #tileMax(int)}: {@code mask} = the tile's max pixel everywhere, same probability;
 *   <li>{@link #convolutional(int, int[], long)}: 3×3 conv + ReLU layers of the given widths, a 1×1 conv
 *       and a sigmoid give the mask; {@code probability = max of the mask} (a realistic-size load for
 *       benchmarks).
 * </ul>
 *
 * <p>Defaults: contract metadata for tile {@code T}, stride {@code T/2}, downsample factor 1, {@code
 * bits_stored} normalisation, threshold 0.5, model name {@code test-<kind>}, version {@code 0.0.1}.
 */
public final class TestModel {

  /** ONNX IR version 8 is the first to carry opset 17. */
  private static final long IR_VERSION = 8;

  private static final int OPSET = 17;

  private enum Kind {
    IDENTITY,
    TILE_MAX,
    CONVOLUTIONAL
  }

  private final Kind kind;
  private final int tileSize;
  private int[] convWidths = {};
  private long seed;
  private final Map<String, String> metadata = new LinkedHashMap<>();
  private String inputName = "image";
  private String probabilityName = "probability";
  private String maskName = "mask";
  private long graphTileSize;
  private boolean fixedBatch;
  private float maskScale = 1f;

  private TestModel(Kind kind, int tileSize) {
    this.kind = kind;
    this.tileSize = tileSize;
    this.graphTileSize = tileSize;
    metadata.put("latentcadx.contract_version", "1");
    metadata.put("latentcadx.model_name", "test-" + kind.name().toLowerCase().replace('_', '-'));
    metadata.put("latentcadx.model_version", "0.0.1");
    metadata.put("latentcadx.input_name", "image");
    metadata.put("latentcadx.output_probability_name", "probability");
    metadata.put("latentcadx.output_mask_name", "mask");
    metadata.put("latentcadx.tile_size", Integer.toString(tileSize));
    metadata.put("latentcadx.tile_stride", Integer.toString(Math.max(1, tileSize / 2)));
    metadata.put("latentcadx.downsample_factor", "1");
    metadata.put("latentcadx.normalization", "bits_stored");
    metadata.put("latentcadx.decision_threshold", "0.5");
  }

  /** {@code mask = image}, {@code probability = max pixel of the tile}. */
  public static TestModel identity(int tileSize) {
    return new TestModel(Kind.IDENTITY, tileSize);
  }

  /** {@code mask} = the tile's max pixel at every position, {@code probability} = the same max. */
  public static TestModel tileMax(int tileSize) {
    return new TestModel(Kind.TILE_MAX, tileSize);
  }

  /**
   * 3×3 same-padded conv + ReLU layers with {@code widths} output channels, then a 1×1 conv to one
   * channel and a sigmoid (the mask); {@code probability} = max of the mask. Weights are drawn from a
   * seeded Gaussian scaled by {@code 1/sqrt(fan-in)}.
   */
  public static TestModel convolutional(int tileSize, int[] widths, long seed) {
    TestModel model = new TestModel(Kind.CONVOLUTIONAL, tileSize);
    model.convWidths = widths.clone();
    model.seed = seed;
    return model;
  }

  /** Sets (or, with {@code null}, removes) a metadata entry. */
  public TestModel metadata(String key, String value) {
    if (value == null) {
      metadata.remove(key);
    } else {
      metadata.put(key, value);
    }
    return this;
  }

  /** Removes every metadata entry. */
  public TestModel noMetadata() {
    metadata.clear();
    return this;
  }

  /** Renames the graph's tensors (the metadata keeps naming whatever it names). */
  public TestModel graphTensorNames(String input, String probability, String mask) {
    this.inputName = input;
    this.probabilityName = probability;
    this.maskName = mask;
    return this;
  }

  /** Declares a tile edge in the graph's input/output shapes that differs from the metadata's. */
  public TestModel graphTileSize(long edge) {
    this.graphTileSize = edge;
    return this;
  }

  /** Declares a fixed batch size of 1 instead of the symbolic {@code N}. */
  public TestModel fixedBatch() {
    this.fixedBatch = true;
    return this;
  }

  /**
   * Multiplies the identity model's mask by {@code factor} (e.g. 2 to produce values above 1, which the
   * SDK must refuse).
   */
  public TestModel maskScale(float factor) {
    this.maskScale = factor;
    return this;
  }

  /** The serialised model. */
  public byte[] toBytes() {
    ModelProto.Builder model =
        ModelProto.newBuilder()
            .setIrVersion(IR_VERSION)
            .setProducerName("latentcadx-sdk-tests")
            .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
            .setGraph(graph());
    metadata.forEach(
        (key, value) ->
            model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
    return model.build().toByteArray();
  }

  /** Writes the model to {@code file} and returns it. */
  public Path writeTo(Path file) {
    try {
      Files.write(file, toBytes());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private GraphProto graph() {
    GraphProto.Builder graph = GraphProto.newBuilder().setName(metadata.getOrDefault(
        "latentcadx.model_name", "test"));
    long batch = fixedBatch ? 1 : -1;
    graph.addInput(tensor(inputName, batch, 1, graphTileSize, graphTileSize));
    graph.addOutput(tensor(probabilityName, batch));
    graph.addOutput(tensor(maskName, batch, 1, graphTileSize, graphTileSize));
    switch (kind) {
      case IDENTITY -> {
        graph.addInitializer(floats("mask_scale", new long[] {}, new float[] {maskScale}));
        graph.addNode(node("Mul", List.of(inputName, "mask_scale"), maskName));
        graph.addNode(reduceMax(inputName, probabilityName, false));
      }
      case TILE_MAX -> {
        graph.addInitializer(floats("zero", new long[] {}, new float[] {0f}));
        graph.addNode(reduceMax(inputName, "tile_max", true));
        graph.addNode(node("Mul", List.of(inputName, "zero"), "zeros"));
        graph.addNode(node("Add", List.of("zeros", "tile_max"), maskName));
        graph.addNode(reduceMax(inputName, probabilityName, false));
      }
      case CONVOLUTIONAL -> convolutions(graph);
    }
    return graph.build();
  }

  private void convolutions(GraphProto.Builder graph) {
    Random random = new Random(seed);
    String previous = inputName;
    int channels = 1;
    for (int layer = 0; layer < convWidths.length; layer++) {
      String conv = "conv" + layer;
      addConv(graph, random, previous, conv, channels, convWidths[layer], 3);
      graph.addNode(node("Relu", List.of(conv), "relu" + layer));
      previous = "relu" + layer;
      channels = convWidths[layer];
    }
    addConv(graph, random, previous, "logits", channels, 1, 1);
    graph.addNode(node("Sigmoid", List.of("logits"), maskName));
    graph.addNode(reduceMax(maskName, probabilityName, false));
  }

  private static void addConv(
      GraphProto.Builder graph, Random random, String in, String out, int inChannels, int outChannels,
      int kernel) {
    float[] weights = new float[outChannels * inChannels * kernel * kernel];
    double scale = 1 / Math.sqrt(inChannels * kernel * kernel);
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) (random.nextGaussian() * scale);
    }
    float[] bias = new float[outChannels];
    for (int i = 0; i < bias.length; i++) {
      bias[i] = (float) (random.nextGaussian() * 0.1);
    }
    graph.addInitializer(floats(out + "_w", new long[] {outChannels, inChannels, kernel, kernel}, weights));
    graph.addInitializer(floats(out + "_b", new long[] {outChannels}, bias));
    int pad = kernel / 2;
    graph.addNode(
        node("Conv", List.of(in, out + "_w", out + "_b"), out).toBuilder()
            .addAttribute(ints("kernel_shape", kernel, kernel))
            .addAttribute(ints("pads", pad, pad, pad, pad))
            .build());
  }

  private static NodeProto reduceMax(String in, String out, boolean keepDims) {
    return node("ReduceMax", List.of(in), out).toBuilder()
        .addAttribute(ints("axes", 1, 2, 3))
        .addAttribute(
            AttributeProto.newBuilder()
                .setName("keepdims")
                .setType(AttributeType.INT)
                .setI(keepDims ? 1 : 0))
        .build();
  }

  private static NodeProto node(String op, List<String> inputs, String output) {
    return NodeProto.newBuilder()
        .setOpType(op)
        .setName(op + "_" + output)
        .addAllInput(inputs)
        .addOutput(output)
        .build();
  }

  private static AttributeProto ints(String name, long... values) {
    AttributeProto.Builder attribute =
        AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
    for (long value : values) {
      attribute.addInts(value);
    }
    return attribute.build();
  }

  private static TensorProto floats(String name, long[] dims, float[] values) {
    TensorProto.Builder tensor =
        TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber());
    for (long dim : dims) {
      tensor.addDims(dim);
    }
    List<Float> boxed = new ArrayList<>(values.length);
    for (float value : values) {
      boxed.add(value);
    }
    return tensor.addAllFloatData(boxed).build();
  }

  /** A float tensor value info; a negative dimension is the symbolic batch {@code N}. */
  private static ValueInfoProto tensor(String name, long... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long dim : dims) {
      TensorShapeProto.Dimension.Builder dimension = TensorShapeProto.Dimension.newBuilder();
      if (dim < 0) {
        dimension.setDimParam("N");
      } else {
        dimension.setDimValue(dim);
      }
      shape.addDim(dimension);
    }
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            TypeProto.newBuilder()
                .setTensorType(
                    TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT.getNumber())
                        .setShape(shape)))
        .build();
  }
}
