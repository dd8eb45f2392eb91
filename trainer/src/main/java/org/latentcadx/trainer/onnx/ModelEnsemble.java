package org.latentcadx.trainer.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One contract model from several trained members of the same contract: the members' graphs side by
 * side on the shared input, and each output the element-wise mean of the members' outputs (ONNX
 * {@code Mean}). Averaging the probabilities and masks of independently seeded models is the classic
 * ensemble; it costs one member's inference per member.
 */
public final class ModelEnsemble {
  private ModelEnsemble() {}

  /**
   * The ensemble of {@code members} (at least two, each with the same inputs, outputs and opsets);
   * its metadata are the first member's with {@code metadata} put over them.
   *
   * @throws IllegalArgumentException when the members do not share their inputs, outputs or opsets
   */
  public static ModelProto of(List<ModelProto> members, Map<String, String> metadata) {
    if (members.size() < 2) {
      throw new IllegalArgumentException("an ensemble needs at least two members, got " + members.size());
    }
    ModelProto first = members.get(0);
    GraphProto shape = first.getGraph();
    for (ModelProto member : members) {
      GraphProto graph = member.getGraph();
      if (!graph.getInputList().equals(shape.getInputList())
          || !graph.getOutputList().equals(shape.getOutputList())
          || !member.getOpsetImportList().equals(first.getOpsetImportList())) {
        throw new IllegalArgumentException(
            "ensemble members must share inputs, outputs and opsets; " + graph.getName() + " differs from "
                + shape.getName());
      }
    }
    List<String> inputs = shape.getInputList().stream().map(ValueInfoProto::getName).toList();
    GraphProto.Builder graph =
        GraphProto.newBuilder().setName("ensemble").addAllInput(shape.getInputList()).addAllOutput(shape.getOutputList());
    for (int m = 0; m < members.size(); m++) {
      String prefix = "member" + m + "/";
      GraphProto member = members.get(m).getGraph();
      for (TensorProto initializer : member.getInitializerList()) {
        graph.addInitializer(initializer.toBuilder().setName(prefix + initializer.getName()));
      }
      for (NodeProto node : member.getNodeList()) {
        NodeProto.Builder renamed = node.toBuilder().clearInput().clearOutput();
        if (!node.getName().isEmpty()) {
          renamed.setName(prefix + node.getName());
        }
        node.getInputList().forEach(name -> renamed.addInput(renamed(name, prefix, inputs)));
        node.getOutputList().forEach(name -> renamed.addOutput(prefix + name));
        graph.addNode(renamed);
      }
    }
    for (ValueInfoProto output : shape.getOutputList()) {
      NodeProto.Builder mean = NodeProto.newBuilder().setOpType("Mean").setName("ensemble/" + output.getName());
      for (int m = 0; m < members.size(); m++) {
        mean.addInput("member" + m + "/" + output.getName());
      }
      graph.addNode(mean.addOutput(output.getName()));
    }
    Map<String, String> properties = new LinkedHashMap<>();
    first.getMetadataPropsList().forEach(p -> properties.put(p.getKey(), p.getValue()));
    properties.putAll(metadata);
    List<StringStringEntryProto> props = new ArrayList<>();
    properties.forEach((k, v) -> props.add(StringStringEntryProto.newBuilder().setKey(k).setValue(v).build()));
    return first.toBuilder().setGraph(graph).clearMetadataProps().addAllMetadataProps(props).build();
  }

  /** A member's tensor name in the ensemble: graph inputs are shared, empty (absent) inputs stay empty. */
  private static String renamed(String name, String prefix, List<String> sharedInputs) {
    return name.isEmpty() || sharedInputs.contains(name) ? name : prefix + name;
  }
}
