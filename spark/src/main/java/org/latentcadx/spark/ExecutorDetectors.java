package org.latentcadx.spark;

import java.util.HashMap;
import java.util.Map;
import org.latentcadx.cli.ModelOption;
import org.latentcadx.sdk.Device;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LesionDetector;

/**
 * One detector per executor JVM and model: loaded by the first task that needs it, shared by every task
 * of the JVM (detectors are safe for concurrent {@code detect} calls), closed when the JVM exits.
 */
final class ExecutorDetectors {

  private static final Map<String, LesionDetector> DETECTORS = new HashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ExecutorDetectors::closeAll, "latentcadx-detectors"));
  }

  private ExecutorDetectors() {}

  /**
   * The JVM's detector for {@code model} (a bundled model name or an ONNX file path every executor can
   * read) with {@code threadsPerTask} ONNX Runtime threads.
   */
  static synchronized LesionDetector get(String model, int threadsPerTask) throws LatentCadxException {
    String key = model + "#" + threadsPerTask;
    LesionDetector detector = DETECTORS.get(key);
    if (detector == null) {
      detector = LesionDetector.builder(ModelOption.sourceOf(model)).device(Device.cpu()).intraOpThreads(threadsPerTask).build();
      DETECTORS.put(key, detector);
    }
    return detector;
  }

  private static synchronized void closeAll() {
    DETECTORS.values().forEach(LesionDetector::close);
    DETECTORS.clear();
  }
}
