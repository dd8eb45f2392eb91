package org.latentcadx.trainer.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A directed acyclic graph of {@link Node}s over one input, in topological order. It is the single
 * description from which both the TensorFlow graph and the ONNX graph are built.
 */
public final class Network {

  /** Name of the input: patches, one grey channel, values in [0, 1]. */
  public static final String INPUT = "image";

  private final Dims inputDims;
  private final Map<String, Node> nodes;

  private Network(Dims inputDims, Map<String, Node> nodes) {
    this.inputDims = inputDims;
    this.nodes = nodes;
  }

  /** Starts a network whose input has shape {@code inputDims} per example. */
  public static Builder builder(Dims inputDims) {
    return new Builder(inputDims);
  }

  public Dims inputDims() {
    return inputDims;
  }

  public Dims dims(String name) {
    return name.equals(INPUT) ? inputDims : node(name).dims();
  }

  public Node node(String name) {
    Node node = nodes.get(name);
    if (node == null) {
      throw new IllegalArgumentException("no node named " + name);
    }
    return node;
  }

  /** All nodes in topological order. */
  public List<Node> nodes() {
    return List.copyOf(nodes.values());
  }

  /** The nodes the given outputs depend on, in topological order. */
  public List<Node> nodesFor(Collection<String> outputs) {
    Set<String> needed = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>(outputs);
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (!name.equals(INPUT) && needed.add(name)) {
        pending.addAll(node(name).inputs());
      }
    }
    return nodes.values().stream().filter(n -> needed.contains(n.name())).toList();
  }

  /** Parameters of all nodes, in node order. */
  public List<ParamSpec> params() {
    return nodes.values().stream().flatMap(n -> n.params().stream()).toList();
  }

  /** Parameters of the nodes of the given part. */
  public List<ParamSpec> params(Part part) {
    return nodes.values().stream()
        .filter(n -> n.part() == part)
        .flatMap(n -> n.params().stream())
        .toList();
  }

  /** Adds nodes one at a time, checking shapes as it goes. */
  public static final class Builder {
    private final Dims inputDims;
    private final Map<String, Node> nodes = new LinkedHashMap<>();

    private Builder(Dims inputDims) {
      this.inputDims = inputDims;
    }

    /** Adds node {@code name} applying {@code layer} to {@code inputs}; returns {@code name}. */
    public String add(String name, Part part, Layer layer, String... inputs) {
      if (name.equals(INPUT) || nodes.containsKey(name)) {
        throw new IllegalArgumentException("duplicate node name " + name);
      }
      List<Dims> inputDimsList = new ArrayList<>();
      for (String input : inputs) {
        if (input.equals(INPUT)) {
          inputDimsList.add(inputDims);
        } else if (nodes.containsKey(input)) {
          inputDimsList.add(nodes.get(input).dims());
        } else {
          throw new IllegalArgumentException(name + " reads unknown node " + input);
        }
      }
      Dims out = layer.outputDims(inputDimsList);
      nodes.put(
          name,
          new Node(name, part, layer, List.of(inputs), out, layer.params(name, inputDimsList)));
      return name;
    }

    public Dims dims(String name) {
      return name.equals(INPUT) ? inputDims : nodes.get(name).dims();
    }

    public Network build() {
      return new Network(inputDims, new LinkedHashMap<>(nodes));
    }
  }
}
