package org.latentcadx.sdk.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the external commands tests use (oracles, peers, scripts) and collects their output. */
public final class Processes {

  /** A finished command: exit code and standard output and error merged. */
  public record Result(int exitCode, String output) {}

  private Processes() {}

  /**
   * Runs {@code command}, reading its merged output.
   *
   * @throws IllegalStateException when it runs longer than {@code timeout} (it is then killed)
   */
  public static Result run(Duration timeout, List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout);
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
