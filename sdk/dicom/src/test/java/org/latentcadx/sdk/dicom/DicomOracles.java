package org.latentcadx.sdk.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.latentcadx.sdk.testing.Oracles;
import org.latentcadx.sdk.testing.Processes;

/**
 * The independent tools that judge written objects: dicom3tools' {@code dciodvfy}, dcmtk's {@code
 * dcmdump} and pydicom (Debian's {@code /usr/bin/python3}). A missing one skips the test, or fails
 * it under CI ({@link Oracles}).
 */
final class DicomOracles {

  static final Path PYTHON = Path.of("/usr/bin/python3");
  static final Path READ_BACK_SCRIPT = Path.of("src/test/fixtures/read_back_dicom.py");

  private DicomOracles() {}

  static void assumeTool(String name) {
    Oracles.requireTool(name);
  }

  static void assumePydicom() {
    Oracles.requirePython("pydicom", "numpy");
  }

  /** The lines of {@code dciodvfy} output that report errors. */
  static List<String> dciodvfyErrors(Path file) throws Exception {
    List<String> errors = new ArrayList<>();
    for (String line : run("dciodvfy", file.toString()).output().split("\n")) {
      if (line.startsWith("Error")) {
        errors.add(line);
      }
    }
    return errors;
  }

  static Processes.Result run(String... command) throws IOException, InterruptedException {
    return Processes.run(Duration.ofSeconds(60), List.of(command));
  }

}
