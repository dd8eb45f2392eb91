package org.latentcadx.conformance.regenerate;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.stream.Collectors;
import org.latentcadx.trainer.model.Architecture;
import org.latentcadx.trainer.model.FloatArray;
import org.latentcadx.trainer.model.Network;
import org.latentcadx.trainer.model.ParamSpec;
import org.latentcadx.trainer.model.Weights;

/**
 * A model under test as the reference engine sees it: the ONNX bytes vendors run, and the trainer's
 * network description with the same numbers in TensorFlow layout, read back from the ONNX initializers
 * (the inverse of the exporter's layout permutation). Parameters the exported graph does not use (the
 * region-proposal head) are zeros; TensorFlow never evaluates them for probability and mask.
 */
record ReferenceModel(byte[] onnx, Architecture architecture, Network network, Weights weights, Map<String, String> metadata) {

  /** Reads {@code onnx}, exported by the trainer from {@code architecture}. */
  static ReferenceModel of(byte[] onnx, Architecture architecture) {
    ModelProto proto;
    try {
      proto = ModelProto.parseFrom(onnx);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not an ONNX model", e);
    }
    Map<String, TensorProto> initializers =
        proto.getGraph().getInitializerList().stream()
            .collect(Collectors.toMap(TensorProto::getName, t -> t));
    Network network = architecture.network();
    Weights weights = new Weights();
    for (ParamSpec spec : network.params()) {
      TensorProto tensor = initializers.get(spec.name());
      weights.put(
          spec.name(),
          tensor == null
              ? new FloatArray(spec.shape(), new float[spec.size()])
              : toTensorFlowLayout(tensor, spec));
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    for (StringStringEntryProto entry : proto.getMetadataPropsList()) {
      metadata.put(entry.getKey(), entry.getValue());
    }
    return new ReferenceModel(onnx, architecture, network, weights, metadata);
  }

  private static FloatArray toTensorFlowLayout(TensorProto tensor, ParamSpec spec) {
    long[] dims = tensor.getDimsList().stream().mapToLong(Long::longValue).toArray();
    float[] values = new float[spec.size()];
    if (tensor.hasRawData()) {
      tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    } else {
      for (int i = 0; i < values.length; i++) {
        values[i] = tensor.getFloatData(i);
      }
    }
    int[] toOnnx = spec.onnxPermutation();
    int[] toTf = new int[toOnnx.length];
    for (int i = 0; i < toOnnx.length; i++) {
      toTf[toOnnx[i]] = i;
    }
    return new FloatArray(dims, values).transpose(toTf);
  }

  /** A required contract metadata value. */
  String metadata(String key) {
    String value = metadata.get(key);
    if (value == null) {
      throw new IllegalArgumentException("model has no metadata " + key);
    }
    return value;
  }

  int tileSize() {
    return Integer.parseInt(metadata("latentcadx.tile_size"));
  }

  int downsampleFactor() {
    return Integer.parseInt(metadata("latentcadx.downsample_factor"));
  }

  /** The optional map smoothing (Gaussian σ, map pixels); 0 when the model does not carry it. */
  double mapSmoothing() {
    String value = metadata.get("latentcadx.map_smoothing_sigma");
    return value == null || value.isBlank() ? 0 : Double.parseDouble(value.strip());
  }

  /** The metadata in a stable order, for the manifest. */
  static String describe(Map<String, String> metadata) {
    return metadata.entrySet().stream().map(Entry::toString).sorted().collect(Collectors.joining(", "));
  }
}
