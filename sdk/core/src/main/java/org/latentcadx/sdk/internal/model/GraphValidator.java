package org.latentcadx.sdk.internal.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.model.ModelContract;

/**
 * Checks that a session's inputs and outputs are the tensors the contract names, with float32 type
 * and the contract's shapes: input {@code [N, 1, T, T]}, probability {@code [N]}, mask {@code [N, 1,
 * T, T]}, {@code N} symbolic. Output dimensions ONNX shape inference left unknown are accepted here and
 * checked on the first run.
 */
public final class GraphValidator {

  /** A tile size not known (the metadata lacks a valid one): spatial sizes are not compared. */
  public static final long UNKNOWN_TILE = 0;

  private GraphValidator() {}

  /**
   * @throws LatentCadxException {@code INCOMPATIBLE_MODEL} naming the first tensor that breaks the
   *     contract and what was expected
   */
  public static void validate(OrtSession session, ModelContract contract, String model)
      throws LatentCadxException {
    List<String> problems = violations(session, contract.inputName(), contract.probabilityOutputName(),
        contract.maskOutputName(), contract.tileSize(), model);
    if (!problems.isEmpty()) {
      throw new LatentCadxException(ErrorCode.INCOMPATIBLE_MODEL, model + ": " + problems.get(0));
    }
  }

  /**
   * Every way the session's inputs and outputs break the contract, for the given tensor names and tile
   * size ({@link #UNKNOWN_TILE} to skip spatial sizes).
   *
   * @throws LatentCadxException {@code INVALID_MODEL} when the session cannot describe its tensors
   */
  public static List<String> violations(OrtSession session, String input, String probability, String mask,
      long tile, String model) throws LatentCadxException {
    try {
      List<String> problems = new ArrayList<>();
      Map<String, NodeInfo> inputs = session.getInputInfo();
      if (inputs.size() != 1) {
        problems.add("has inputs " + inputs.keySet() + "; expected exactly one, '" + input + "'");
      }
      check(problems, "input", inputs, input, new long[] {-1, 1, tile, tile}, false);
      Map<String, NodeInfo> outputs = session.getOutputInfo();
      check(problems, "output", outputs, probability, new long[] {-1}, true);
      check(problems, "output", outputs, mask, new long[] {-1, 1, tile, tile}, true);
      return problems;
    } catch (OrtException e) {
      throw new LatentCadxException(
          ErrorCode.INVALID_MODEL, model + ": cannot read its inputs and outputs: " + e.getMessage(), e);
    }
  }

  private static void check(
      List<String> problems,
      String kind,
      Map<String, NodeInfo> tensors,
      String name,
      long[] expectedShape,
      boolean unknownAllowed) {
    String expected = "float32 " + shapeText(expectedShape);
    NodeInfo node = tensors.get(name);
    if (node == null) {
      problems.add("has no " + kind + " '" + name + "' (it has " + tensors.keySet() + "); expected " + expected);
      return;
    }
    if (!(node.getInfo() instanceof TensorInfo info) || info.type != OnnxJavaType.FLOAT) {
      problems.add(kind + " '" + name + "' is " + node.getInfo() + "; expected " + expected);
      return;
    }
    long[] shape = info.getShape();
    boolean matches = shape.length == expectedShape.length;
    for (int i = 0; matches && i < shape.length; i++) {
      boolean batchAxis = i == 0;
      matches = batchAxis
          ? shape[i] < 0
          : expectedShape[i] == UNKNOWN_TILE || shape[i] == expectedShape[i] || (unknownAllowed && shape[i] < 0);
    }
    if (!matches) {
      problems.add(kind + " '" + name + "' has shape " + shapeText(shape) + "; expected " + expected
          + " with a symbolic batch axis N");
    }
  }

  private static String shapeText(long[] shape) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < shape.length; i++) {
      text.append(i > 0 ? ", " : "").append(shape[i] < 0 ? "N" : shape[i] == UNKNOWN_TILE ? "T" : shape[i]);
    }
    return text.append(']').toString();
  }
}
