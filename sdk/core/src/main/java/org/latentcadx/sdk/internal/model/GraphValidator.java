package org.latentcadx.sdk.internal.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.Arrays;
import java.util.Map;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.model.ModelContract;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;

/**
 * Checks that a session's inputs and outputs are the tensors the contract names, with float32 type
 * and the contract's shapes: input {@code [N, 1, T, T]}, probability {@code [N]}, mask {@code [N, 1,
 * T, T]}, {@code N} symbolic. Output dimensions ONNX shape inference left unknown are accepted here and
 * checked on the first run.
 */
public final class GraphValidator {

  private GraphValidator() {}

  /**
   * @throws LatentCadxException {@code INCOMPATIBLE_MODEL} naming the tensor and what was expected
   */
  public static void validate(OrtSession session, ModelContract contract, String model)
      throws LatentCadxException {
    try {
      long t = contract.tileSize();
      Map<String, NodeInfo> inputs = session.getInputInfo();
      if (inputs.size() != 1) {
        throw incompatible(
            model, "has inputs " + inputs.keySet() + "; expected exactly one, '" + contract.inputName() + "'");
      }
      check(model, "input", inputs, contract.inputName(), new long[] {-1, 1, t, t}, false);
      Map<String, NodeInfo> outputs = session.getOutputInfo();
      check(model, "output", outputs, contract.probabilityOutputName(), new long[] {-1}, true);
      check(model, "output", outputs, contract.maskOutputName(), new long[] {-1, 1, t, t}, true);
    } catch (OrtException e) {
      throw new LatentCadxException(
          ErrorCode.INVALID_MODEL, model + ": cannot read its inputs and outputs: " + e.getMessage(), e);
    }
  }

  private static void check(
      String model,
      String kind,
      Map<String, NodeInfo> tensors,
      String name,
      long[] expectedShape,
      boolean unknownAllowed)
      throws LatentCadxException {
    String expected = "float32 " + shapeText(expectedShape);
    NodeInfo node = tensors.get(name);
    if (node == null) {
      throw incompatible(
          model, "has no " + kind + " '" + name + "' (it has " + tensors.keySet() + "); expected " + expected);
    }
    if (!(node.getInfo() instanceof TensorInfo info) || info.type != OnnxJavaType.FLOAT) {
      throw incompatible(model, kind + " '" + name + "' is " + node.getInfo() + "; expected " + expected);
    }
    long[] shape = info.getShape();
    boolean matches = shape.length == expectedShape.length;
    for (int i = 0; matches && i < shape.length; i++) {
      boolean batchAxis = i == 0;
      matches =
          batchAxis ? shape[i] < 0 : shape[i] == expectedShape[i] || (unknownAllowed && shape[i] < 0);
    }
    if (!matches) {
      throw incompatible(
          model,
          kind + " '" + name + "' has shape " + shapeText(shape) + "; expected " + expected
              + " with a symbolic batch axis N");
    }
  }

  private static String shapeText(long[] shape) {
    return Arrays.toString(shape).replace("-1", "N");
  }

  private static LatentCadxException incompatible(String model, String what) {
    return new LatentCadxException(ErrorCode.INCOMPATIBLE_MODEL, model + ": " + what);
  }
}
