package org.latentcadx.trainer.tf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.latentcadx.trainer.model.Dims;
import org.latentcadx.trainer.model.Layer;
import org.latentcadx.trainer.model.Network;
import org.latentcadx.trainer.model.Node;
import org.latentcadx.trainer.model.ParamSpec;
import org.latentcadx.trainer.model.Part;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A {@link Network} in a TensorFlow graph (NHWC): its variables and forward passes over them. */
public final class TfNetwork {
  private final Ops tf;
  private final Network network;
  private final TfVariables variables;

  /** Creates one variable per network parameter in the graph of {@code tf}. */
  public TfNetwork(Ops tf, Network network) {
    this.tf = tf;
    this.network = network;
    this.variables = new TfVariables(tf);
    for (ParamSpec spec : network.params()) {
      variables.create(spec.name(), spec.shape());
    }
  }

  public Network network() {
    return network;
  }

  public TfVariables variables() {
    return variables;
  }

  /**
   * Builds a forward pass over {@code input} ({@code [N, H, W, 1]}) up to {@code outputs}. Batch
   * normalisation in the parts listed in {@code trainingParts} uses batch statistics and contributes
   * moving-statistics updates to {@link Forward#updates()}; elsewhere it uses the moving statistics.
   */
  public Forward forward(
      Operand<TFloat32> input, Set<Part> trainingParts, Collection<String> outputs) {
    Map<String, Operand<TFloat32>> values = new HashMap<>();
    values.put(Network.INPUT, input);
    List<Op> updates = new ArrayList<>();
    for (Node node : network.nodesFor(outputs)) {
      List<Operand<TFloat32>> inputs = node.inputs().stream().map(values::get).toList();
      List<Dims> inputDims = node.inputs().stream().map(network::dims).toList();
      Layer.TfScope scope =
          new Layer.TfScope() {
            @Override
            public Ops ops() {
              return tf;
            }

            @Override
            public Operand<TFloat32> param(String suffix) {
              return variables.get(node.name() + "/" + suffix);
            }

            @Override
            public boolean training() {
              return trainingParts.contains(node.part());
            }

            @Override
            public void addUpdate(Op update) {
              updates.add(update);
            }

            @Override
            public List<Dims> inputDims() {
              return inputDims;
            }
          };
      values.put(node.name(), node.layer().toTf(scope, inputs));
    }
    Map<String, Operand<TFloat32>> result = new HashMap<>();
    outputs.forEach(name -> result.put(name, values.get(name)));
    return new Forward(result, updates);
  }

  /** The outputs of one forward pass and the batch-norm updates it makes in training mode. */
  public record Forward(Map<String, Operand<TFloat32>> outputs, List<Op> updates) {
    public Operand<TFloat32> output(String name) {
      Operand<TFloat32> output = outputs.get(name);
      if (output == null) {
        throw new IllegalArgumentException("forward pass has no output " + name);
      }
      return output;
    }
  }
}
