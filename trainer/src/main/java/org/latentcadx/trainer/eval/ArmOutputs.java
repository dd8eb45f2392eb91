package org.latentcadx.trainer.eval;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.latentcadx.trainer.data.Augmentation;
import org.latentcadx.trainer.data.PatchBatch;
import org.latentcadx.trainer.model.Architecture;
import org.latentcadx.trainer.model.Network;

/**
 * One model's outputs on a {@link StudySet} (ONNX Runtime, centre tiles): every patch's probability,
 * every lesion patch's mask, and on normal patches the share of pixels at or above 0.5.
 *
 * @param probabilities per patch of the set, in set order
 * @param lesionMasks per lesion patch, in the order of {@link StudySet#lesionPositions}
 * @param normalPixelsAbove share of normal-patch pixels with mask ≥ 0.5
 */
record ArmOutputs(double[] probabilities, float[][] lesionMasks, double normalPixelsAbove) {
  private static final int BATCH = 16;

  static ArmOutputs run(byte[] model, StudySet set) throws OrtException {
    int tile = set.tile();
    int plane = tile * tile;
    double[] probabilities = new double[set.size()];
    float[][] masks = new float[set.lesionPositions.length][];
    long normalAbove = 0;
    long normalPixels = 0;
    int lesion = 0;
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      try (OrtSession session = env.createSession(model, options)) {
        for (int from = 0; from < set.size(); from += BATCH) {
          int[] chunk =
              Arrays.copyOfRange(set.indices, from, Math.min(set.size(), from + BATCH));
          PatchBatch batch = set.store.batch(chunk, Augmentation.none(), new Random(0));
          try (OnnxTensor input =
                  OnnxTensor.createTensor(env, FloatBuffer.wrap(batch.images()), batch.imageShape());
              OrtSession.Result result = session.run(Map.of(Network.INPUT, input))) {
            float[] probability = PatchEvaluator.floats(result, Architecture.PROBABILITY);
            float[] mask = PatchEvaluator.floats(result, Architecture.MASK);
            for (int b = 0; b < chunk.length; b++) {
              probabilities[from + b] = probability[b];
              if (batch.labels()[b] > 0.5f) {
                masks[lesion++] = Arrays.copyOfRange(mask, b * plane, (b + 1) * plane);
              } else {
                for (int p = b * plane; p < (b + 1) * plane; p++) {
                  normalAbove += mask[p] >= 0.5f ? 1 : 0;
                }
                normalPixels += plane;
              }
            }
          }
        }
      }
    }
    return new ArmOutputs(
        probabilities, masks, normalPixels == 0 ? Double.NaN : (double) normalAbove / normalPixels);
  }
}
