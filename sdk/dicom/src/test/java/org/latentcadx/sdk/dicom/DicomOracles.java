package org.latentcadx.sdk.dicom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.latentcadx.sdk.testing.Oracles;

/**
 * The independent tools that judge written objects: dicom3tools' {@code dciodvfy}, dcmtk's {@code
 * dcmdump} and pydicom (Debian's {@code /usr/bin/python3}). A missing one skips the test, or fails
 * it under CI ({@link Oracles}).
 */
final class DicomOracles {

  static final Path PYTHON = Path.of("/usr/bin/python3");
  static final Path READ_BACK_SCRIPT = Path.of("src/test/fixtures/read_back_dicom.py");

  /** A finished command: exit code and merged output. */
  record Result(int exitCode, String output) {}

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

  static Result run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish");
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

}
