package org.latentcadx.trainer.eval;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.latentcadx.sdk.metrics.SegmentationEvaluator;
import org.latentcadx.sdk.metrics.SegmentationSample;
import org.latentcadx.trainer.data.Augmentation;
import org.latentcadx.trainer.data.LesionType;
import org.latentcadx.trainer.data.PatchBatch;
import org.latentcadx.trainer.data.PatchStore;
import org.latentcadx.trainer.model.Architecture;
import org.latentcadx.trainer.model.Network;

/**
 * Runs an exported model with ONNX Runtime on the centre tiles of store patches and collects what the
 * paper's tables need: patch probabilities with labels and lesion types, and segmentation samples
 * against the outlines and (when every lesion patch has one) the latent truth.
 */
public final class PatchEvaluator {
  private PatchEvaluator() {}

  /** Predictions on the patches {@code indices} of {@code store}. */
  public static PatchPredictions run(byte[] model, PatchStore store, int[] indices, int batchSize)
      throws OrtException {
    // A normal patch's true lesion is known to be empty, so only lesion patches need a latent mask.
    boolean latentKnown =
        Arrays.stream(indices)
            .allMatch(i -> store.record(i).latentKnown() || store.record(i).label() == 0);
    int tile = store.tileSize();
    int plane = tile * tile;
    int[] labels = new int[indices.length];
    double[] scores = new double[indices.length];
    String[] types = new String[indices.length];
    SegmentationEvaluator segmentation = new SegmentationEvaluator();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions())) {
      for (int from = 0; from < indices.length; from += batchSize) {
        int[] chunk = Arrays.copyOfRange(indices, from, Math.min(indices.length, from + batchSize));
        PatchBatch batch = store.batch(chunk, Augmentation.none(), new Random(0));
        try (OnnxTensor input =
                OnnxTensor.createTensor(
                    env, FloatBuffer.wrap(batch.images()), batch.imageShape());
            OrtSession.Result result = session.run(Map.of(Network.INPUT, input))) {
          float[] probability = floats(result, Architecture.PROBABILITY);
          float[] mask = floats(result, Architecture.MASK);
          for (int b = 0; b < chunk.length; b++) {
            int k = from + b;
            labels[k] = store.record(chunk[b]).label();
            scores[k] = probability[b];
            types[k] = typeKey(store.record(chunk[b]).type());
            SegmentationSample sample =
                SegmentationSample.of(
                    types[k],
                    probability[b],
                    tile,
                    tile,
                    Arrays.copyOfRange(mask, b * plane, (b + 1) * plane),
                    Arrays.copyOfRange(batch.outlineMasks(), b * plane, (b + 1) * plane));
            segmentation.add(
                latentKnown
                    ? sample.withTrueLesion(
                        Arrays.copyOfRange(batch.latentMasks(), b * plane, (b + 1) * plane))
                    : sample);
          }
        }
      }
    }
    return new PatchPredictions(labels, scores, types, segmentation);
  }

  /** The key of a lesion type in reports: {@code mass}, {@code calcification} or {@code normal}. */
  static String typeKey(LesionType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  static float[] floats(OrtSession.Result result, String name) throws OrtException {
    FloatBuffer buffer = ((OnnxTensor) result.get(name).orElseThrow()).getFloatBuffer();
    float[] values = new float[buffer.remaining()];
    buffer.get(values);
    return values;
  }
}
