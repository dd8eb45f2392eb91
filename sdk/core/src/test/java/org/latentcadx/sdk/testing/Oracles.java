package org.latentcadx.sdk.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The independent oracles tests check against (Debian's {@code /usr/bin/python3} with scikit-learn,
 * onnx, pydicom; dcmtk; dicom3tools), and what a test does when one is missing: on a developer's
 * machine it is skipped; under CI ({@code CI=true}, or {@code -Dlatentcadx.requireOracles=true}) it
 * fails, so that CI cannot pass by skipping. {@code scripts/setup} installs every oracle. Reusable from
 * other modules' tests through the SDK's test JAR.
 */
public final class Oracles {

  /** Debian's Python, the only one oracle scripts run with. */
  public static final Path PYTHON = Path.of("/usr/bin/python3");

  private Oracles() {}

  /** Whether a missing oracle fails the test instead of skipping it. */
  public static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("CI"))
        || Boolean.getBoolean("latentcadx.requireOracles");
  }

  /**
   * Continues when {@code present}; otherwise skips the test, or fails it where oracles are {@link
   * #required()}, naming {@code what} is missing.
   */
  public static void require(boolean present, String what) {
    if (present) {
      return;
    }
    if (required()) {
      fail(what + " is missing and CI requires every oracle (scripts/setup installs it)");
    }
    assumeTrue(false, what + " is missing (run scripts/setup); skipped here, a failure under CI");
  }

  /** Requires the command-line tool {@code name} on the PATH. */
  public static void requireTool(String name) {
    require(onPath(name), name);
  }

  /** Requires {@link #PYTHON} able to import every module in {@code modules}. */
  public static void requirePython(String... modules) {
    require(pythonImports(modules), PYTHON + " with the Python modules " + String.join(", ", modules));
  }

  private static boolean pythonImports(String... modules) {
    if (!Files.isExecutable(PYTHON)) {
      return false;
    }
    try {
      Process process =
          new ProcessBuilder(List.of(PYTHON.toString(), "-c", "import " + String.join(", ", modules)))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
      if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, name))) {
        return true;
      }
    }
    return false;
  }
}
