package org.latentcadx.trainer.eval;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.latentcadx.trainer.data.Augmentation;
import org.latentcadx.trainer.data.PatchStore;
import org.latentcadx.trainer.model.FloatArray;
import org.latentcadx.trainer.onnx.OnnxTensors;
import picocli.CommandLine;
import org.latentcadx.trainer.AugmentationOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Compares each batch-normalisation layer's moving statistics (what inference uses) with the statistics
 * its input actually has, in inference mode, on training patches drawn as training draws them (half
 * lesion, half normal), once clean (as inference sees images) and once with the model's training
 * augmentation (as training saw them; when the store's windows leave room for it). Prints per layer the largest mean shift in moving standard deviations and the
 * largest variance ratio over its channels. With {@code --recalibrate}, also writes the model with every
 * layer's moving statistics replaced, layer by layer from the input on, by those of the clean patches.
 */
@Command(
    name = "batch-norm-check",
    mixinStandardHelpOptions = true,
    description = "Moving statistics of a model's batch normalisation against its inputs' statistics on training patches.")
public final class BatchNormCheckCommand implements Callable<Integer> {
  private static final int BATCH = 16;

  @Option(names = "--store", required = true, description = "The patch store the model was trained on.")
  Path store;

  @Option(names = "--validation-fold", defaultValue = "0", description = "Fold left out of the training patches (${DEFAULT-VALUE}).")
  int validationFold;

  @Option(names = "--model", required = true, description = "The model (ONNX).")
  Path model;

  @Option(names = "--patches", defaultValue = "320", description = "Training patches used, half lesion, half normal (${DEFAULT-VALUE}).")
  int patches;

  /** The augmentation the model was trained with (the same options and default as TrainCommand). */
  @Mixin AugmentationOptions augmentation;

  @Option(names = "--output", description = "Also write the table (Markdown) to this file.")
  Path output;

  @Option(names = "--recalibrate", description = "Write the model with moving statistics recomputed on the clean patches here.")
  Path recalibrated;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BatchNormCheckCommand()).execute(args));
  }

  /** Per-channel mean and variance of one tensor over batch and pixels. */
  private record Moments(float[] mean, float[] variance) {}

  @Override
  public Integer call() throws Exception {
    PatchStore patchStore = PatchStore.open(store);
    int tile = patchStore.tileSize();
    int[] chosen = balancedSample(patchStore);
    List<float[]> clean = batches(patchStore, chosen, Augmentation.none());
    Augmentation training = augmentation.augmentation();
    List<float[]> augmented = augmentable(patchStore, training) ? batches(patchStore, chosen, training) : null;
    ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(model));
    List<NodeProto> layers =
        proto.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("BatchNormalization")).toList();
    StringBuilder table = new StringBuilder();
    table.append("| layer | clean: largest mean shift (moving SDs) | clean: largest variance ratio")
        .append(" | augmented: largest mean shift | augmented: largest variance ratio |\n")
        .append("| --- | --- | --- | --- | --- |\n");
    ModelProto recalibrating = proto;
    for (NodeProto layer : layers) {
      float[] movingMean = OnnxTensors.values(initializer(proto, layer.getInput(3))).values();
      float[] movingVariance = OnnxTensors.values(initializer(proto, layer.getInput(4))).values();
      float epsilon = epsilon(layer);
      Moments onClean = moments(proto, layer.getInput(0), clean, tile);
      table.append(String.format(
          Locale.ROOT, "| %s | %.2f | %.2f |", layer.getInput(0),
          largestShift(onClean, movingMean, movingVariance, epsilon), largestRatio(onClean, movingVariance, epsilon)));
      if (augmented != null) {
        Moments onAugmented = moments(proto, layer.getInput(0), augmented, tile);
        table.append(String.format(
            Locale.ROOT, " %.2f | %.2f |%n",
            largestShift(onAugmented, movingMean, movingVariance, epsilon),
            largestRatio(onAugmented, movingVariance, epsilon)));
      } else {
        table.append(" – | – |\n");
      }
      if (recalibrated != null) {
        Moments upstreamRecalibrated = moments(recalibrating, layer.getInput(0), clean, tile);
        recalibrating = withInitializer(recalibrating, layer.getInput(3), upstreamRecalibrated.mean());
        recalibrating = withInitializer(recalibrating, layer.getInput(4), upstreamRecalibrated.variance());
      }
    }
    System.out.print(table);
    if (output != null) {
      Files.writeString(output, table);
    }
    if (recalibrated != null) {
      Files.write(recalibrated, recalibrating.toByteArray());
      System.out.println("wrote " + recalibrated + " (moving statistics of " + chosen.length + " clean training patches)");
    }
    return 0;
  }

  private int[] balancedSample(PatchStore patchStore) {
    Random random = new Random(1);
    List<Integer> lesions = new ArrayList<>();
    List<Integer> normals = new ArrayList<>();
    for (int i : patchStore.indicesExcludingFolds(validationFold)) {
      (patchStore.record(i).label() > 0 ? lesions : normals).add(i);
    }
    Collections.shuffle(lesions, random);
    Collections.shuffle(normals, random);
    int[] chosen = new int[patches];
    for (int i = 0; i < patches; i++) {
      List<Integer> kind = i % 2 == 0 ? lesions : normals;
      chosen[i] = kind.get((i / 2) % kind.size());
    }
    return chosen;
  }

  /** Whether the store's windows leave room for the augmentation (else its columns stay empty). */
  private static boolean augmentable(PatchStore patchStore, Augmentation training) {
    return patchStore.contextSize() - patchStore.tileSize() >= 2 * training.maxShift();
  }

  private static List<float[]> batches(PatchStore patchStore, int[] chosen, Augmentation augmentation) {
    Random random = new Random(2);
    List<float[]> batches = new ArrayList<>();
    for (int from = 0; from < chosen.length; from += BATCH) {
      int[] indices = Arrays.copyOfRange(chosen, from, Math.min(chosen.length, from + BATCH));
      batches.add(patchStore.batch(indices, augmentation, random).images());
    }
    return batches;
  }

  /** The moments of tensor {@code name} of {@code proto} in inference mode over {@code batches}. */
  private static Moments moments(ModelProto proto, String name, List<float[]> batches, int tile)
      throws OrtException {
    ValueInfoProto output =
        ValueInfoProto.newBuilder()
            .setName(name)
            .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE)))
            .build();
    ModelProto probe = proto.toBuilder().setGraph(proto.getGraph().toBuilder().addOutput(output)).build();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    double[] count = null;
    double[] sum = null;
    double[] squares = null;
    try (OrtSession session = env.createSession(probe.toByteArray(), new OrtSession.SessionOptions())) {
      String input = session.getInputNames().iterator().next();
      int plane = tile * tile;
      for (float[] images : batches) {
        long[] shape = {images.length / plane, 1, tile, tile};
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(images), shape);
            OrtSession.Result result = session.run(Map.of(input, x), Set.of(name))) {
          OnnxTensor tensor = (OnnxTensor) result.get(name).orElseThrow();
          long[] dims = tensor.getInfo().getShape();
          int channels = (int) dims[1];
          int pixels = (int) (dims[2] * dims[3]);
          FloatBuffer values = tensor.getFloatBuffer();
          if (sum == null) {
            count = new double[channels];
            sum = new double[channels];
            squares = new double[channels];
          }
          for (int b = 0; b < dims[0]; b++) {
            for (int c = 0; c < channels; c++) {
              int base = (b * channels + c) * pixels;
              for (int p = 0; p < pixels; p++) {
                double v = values.get(base + p);
                count[c]++;
                sum[c] += v;
                squares[c] += v * v;
              }
            }
          }
        }
      }
    }
    float[] mean = new float[sum.length];
    float[] variance = new float[sum.length];
    for (int c = 0; c < sum.length; c++) {
      double m = sum[c] / count[c];
      mean[c] = (float) m;
      variance[c] = (float) Math.max(0, squares[c] / count[c] - m * m);
    }
    return new Moments(mean, variance);
  }

  /** The layer's epsilon attribute (ONNX's default 1e-5 when absent). */
  private static float epsilon(NodeProto layer) {
    return layer.getAttributeList().stream()
        .filter(a -> a.getName().equals("epsilon"))
        .map(AttributeProto::getF)
        .findFirst()
        .orElse(1e-5f);
  }

  private static double largestShift(Moments actual, float[] movingMean, float[] movingVariance, float epsilon) {
    double largest = 0;
    for (int c = 0; c < movingMean.length; c++) {
      largest = Math.max(largest, Math.abs(actual.mean()[c] - movingMean[c]) / Math.sqrt(movingVariance[c] + epsilon));
    }
    return largest;
  }

  private static double largestRatio(Moments actual, float[] movingVariance, float epsilon) {
    double largest = 0;
    for (int c = 0; c < movingVariance.length; c++) {
      largest = Math.max(largest, (actual.variance()[c] + epsilon) / (movingVariance[c] + epsilon));
    }
    return largest;
  }

  private static TensorProto initializer(ModelProto proto, String name) {
    return proto.getGraph().getInitializerList().stream()
        .filter(t -> t.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no initializer " + name));
  }

  private static ModelProto withInitializer(ModelProto proto, String name, float[] values) {
    var graph = proto.getGraph().toBuilder();
    for (int i = 0; i < graph.getInitializerCount(); i++) {
      TensorProto tensor = graph.getInitializer(i);
      if (tensor.getName().equals(name)) {
        graph.setInitializer(i, OnnxTensors.of(name, new FloatArray(OnnxTensors.values(tensor).shape(), values)));
      }
    }
    return proto.toBuilder().setGraph(graph).build();
  }
}
