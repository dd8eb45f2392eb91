package org.latentcadx.conformance.regenerate;

import java.util.Set;
import org.latentcadx.trainer.model.Architecture;
import org.latentcadx.trainer.model.FloatArray;
import org.latentcadx.trainer.tf.Tensors;
import org.latentcadx.trainer.tf.TfNetwork;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The reference engine at patch level: the trainer's TensorFlow graph of the model (inference mode,
 * batch norm on moving statistics) with the model's weights loaded. Patches go in NCHW with one channel,
 * which is the same memory order as TensorFlow's NHWC.
 */
final class TensorFlowPatches implements AutoCloseable {

  /** Probabilities [N] and masks [N, T, T] of a batch, row-major. */
  record Outputs(float[] probabilities, float[] masks) {}

  private final Graph graph;
  private final Session session;
  private final Placeholder<TFloat32> input;
  private final TfNetwork.Forward forward;
  private final int tile;

  TensorFlowPatches(ReferenceModel model) {
    this.tile = model.tileSize();
    this.graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      TfNetwork network = new TfNetwork(tf, model.network());
      input = tf.placeholder(TFloat32.class);
      forward = network.forward(input, Set.of(), ReferenceModel.outputs());
      session = new Session(graph);
      network.variables().load(session, model.weights());
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** Runs {@code count} patches of {@code T × T} values each, concatenated in {@code patches}. */
  Outputs run(float[] patches, int count) {
    FloatArray batch = new FloatArray(new long[] {count, tile, tile, 1}, patches);
    try (TFloat32 x = Tensors.toTensor(batch);
        Result result =
            session
                .runner()
                .feed(input, x)
                .fetch(forward.output(Architecture.PROBABILITY))
                .fetch(forward.output(Architecture.MASK))
                .run()) {
      return new Outputs(
          Tensors.toArray((TFloat32) result.get(0)).values(),
          Tensors.toArray((TFloat32) result.get(1)).values());
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
