package org.latentcadx.trainer.model;

import java.util.List;

/**
 * One layer application in a {@link Network}.
 *
 * @param name unique name, also the prefix of its parameter names
 * @param inputs names of the nodes (or the network input) it reads
 * @param dims output shape per example, TensorFlow order
 * @param params the layer's parameters at this position
 */
public record Node(
    String name, Part part, Layer layer, List<String> inputs, Dims dims, List<ParamSpec> params) {

  public Node {
    inputs = List.copyOf(inputs);
    params = List.copyOf(params);
  }
}
