package org.latentcadx.sdk.dicom;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The independent tools that judge written objects: dicom3tools' {@code dciodvfy}, dcmtk's {@code
 * dcmdump} and pydicom (Debian's {@code /usr/bin/python3}). Tests using one are skipped where it is
 * absent; CI has them all.
 */
final class DicomOracles {

  static final Path PYTHON = Path.of("/usr/bin/python3");
  static final Path READ_BACK_SCRIPT = Path.of("src/test/fixtures/read_back_dicom.py");

  /** A finished command: exit code and merged output. */
  record Result(int exitCode, String output) {}

  private DicomOracles() {}

  static void assumeTool(String name) {
    assumeTrue(onPath(name), name + " is not installed");
  }

  static void assumePydicom() throws Exception {
    assumeTrue(Files.isExecutable(PYTHON), PYTHON + " is absent");
    assumeTrue(run(PYTHON.toString(), "-c", "import pydicom, numpy").exitCode() == 0,
        "pydicom or numpy is not installed for " + PYTHON);
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

  private static boolean onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(directory, name))) {
        return true;
      }
    }
    return false;
  }
}
