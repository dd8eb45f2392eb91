package org.latentcadx.trainer.eval;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --arm NAME=MODEL.onnx} options of the study commands. */
final class ArmModels {
  private ArmModels() {}

  /** Arm name to model file, in the order given; refuses an entry without a name or a duplicate name. */
  static Map<String, Path> parse(List<String> arms) {
    Map<String, Path> models = new LinkedHashMap<>();
    for (String arm : arms) {
      int eq = arm.indexOf('=');
      if (eq <= 0 || eq == arm.length() - 1) {
        throw new IllegalArgumentException("--arm must be NAME=MODEL.onnx, got '" + arm + "'");
      }
      if (models.put(arm.substring(0, eq), Path.of(arm.substring(eq + 1))) != null) {
        throw new IllegalArgumentException("--arm " + arm.substring(0, eq) + " is given twice");
      }
    }
    return models;
  }
}
