package org.latentcadx.trainer.tf;

import java.util.List;
import java.util.Set;
import org.latentcadx.trainer.model.Architecture;
import org.latentcadx.trainer.model.FloatArray;
import org.latentcadx.trainer.model.Network;
import org.latentcadx.trainer.model.Weights;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A network in TensorFlow, inference mode (batch norm on its moving statistics), with given weights: the
 * reference engine the exported ONNX graph is checked against. Patches go in NHWC with one channel,
 * which is the same memory order as the ONNX input's NCHW. Not thread-safe; close it to free the graph
 * and session.
 */
public final class TfInference implements AutoCloseable {

  /**
   * One batch's outputs.
   *
   * @param probabilities [N]
   * @param masks [N, T, T, 1], row-major
   */
  public record Outputs(FloatArray probabilities, FloatArray masks) {}

  private final Graph graph;
  private final Session session;
  private final Placeholder<TFloat32> input;
  private final TfNetwork.Forward forward;

  public TfInference(Network network, Weights weights) {
    this.graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      TfNetwork model = new TfNetwork(tf, network);
      input = tf.placeholder(TFloat32.class);
      forward = model.forward(input, Set.of(), List.of(Architecture.PROBABILITY, Architecture.MASK));
      session = new Session(graph);
      model.variables().load(session, weights);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** Runs a batch of patches, shape [N, T, T, 1]. */
  public Outputs run(FloatArray patches) {
    try (TFloat32 x = Tensors.toTensor(patches);
        Result result =
            session
                .runner()
                .feed(input, x)
                .fetch(forward.output(Architecture.PROBABILITY))
                .fetch(forward.output(Architecture.MASK))
                .run()) {
      return new Outputs(Tensors.toArray((TFloat32) result.get(0)), Tensors.toArray((TFloat32) result.get(1)));
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
