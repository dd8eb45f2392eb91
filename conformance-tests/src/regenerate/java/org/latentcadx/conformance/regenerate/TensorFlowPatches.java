package org.latentcadx.conformance.regenerate;

import org.latentcadx.trainer.model.FloatArray;
import org.latentcadx.trainer.tf.TfInference;

/**
 * The reference engine at patch level: the trainer's TensorFlow graph of the model ({@link TfInference})
 * with the model's weights loaded. Patches go in NCHW with one channel, which is the same memory order
 * as TensorFlow's NHWC.
 */
final class TensorFlowPatches implements AutoCloseable {

  /** Probabilities [N] and masks [N, T, T] of a batch, row-major. */
  record Outputs(float[] probabilities, float[] masks) {}

  private final TfInference inference;
  private final int tile;

  TensorFlowPatches(ReferenceModel model) {
    this.tile = model.tileSize();
    this.inference = new TfInference(model.network(), model.weights());
  }

  /** Runs {@code count} patches of {@code T × T} values each, concatenated in {@code patches}. */
  Outputs run(float[] patches, int count) {
    TfInference.Outputs out = inference.run(new FloatArray(new long[] {count, tile, tile, 1}, patches));
    return new Outputs(out.probabilities().values(), out.masks().values());
  }

  @Override
  public void close() {
    inference.close();
  }
}
