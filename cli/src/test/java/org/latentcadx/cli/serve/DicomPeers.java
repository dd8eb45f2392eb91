package org.latentcadx.cli.serve;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.latentcadx.sdk.testing.Oracles;
import org.latentcadx.sdk.testing.Processes;

/**
 * The processes of the node tests: dcmtk's {@code storescu}, {@code echoscu} and {@code storescp} as the
 * real peers, and the node itself as a separate JVM (so that it can be killed with SIGKILL).
 */
final class DicomPeers {

  private DicomPeers() {}

  static void requireDcmtk() {
    for (String tool : List.of("storescu", "storescp", "echoscu", "dcmodify", "dciodvfy")) {
      Oracles.requireTool(tool);
    }
  }

  static Processes.Result run(String... command) throws IOException, InterruptedException {
    return Processes.run(Duration.ofSeconds(120), List.of(command));
  }

  /** C-STORE of {@code files} from {@code callingAe} to the node, not halting on a failed file. */
  static Processes.Result storescu(String callingAe, String calledAe, int port, List<String> options, Path... files)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("storescu", "-nh", "-aet", callingAe, "-aec", calledAe));
    command.addAll(options);
    command.add("127.0.0.1");
    command.add(Integer.toString(port));
    for (Path file : files) {
      command.add(file.toString());
    }
    return run(command.toArray(String[]::new));
  }

  static Processes.Result echoscu(String callingAe, String calledAe, int port) throws IOException, InterruptedException {
    return run("echoscu", "-aet", callingAe, "-aec", calledAe, "127.0.0.1", Integer.toString(port));
  }

  /** A free TCP port on loopback (free when this returns). */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Starts dcmtk's storescp as AE {@code aeTitle} on {@code port}, writing what it receives to {@code folder}. */
  static Process storescp(String aeTitle, int port, Path folder) throws Exception {
    Files.createDirectories(folder);
    Process process = new ProcessBuilder("storescp", "+xa", "--aetitle", aeTitle, "--output-directory", folder.toString(),
        Integer.toString(port))
        .redirectErrorStream(true)
        .redirectOutput(folder.resolveSibling(aeTitle + "-storescp.log").toFile())
        .start();
    awaitTrue(Duration.ofSeconds(30), () -> {
      try {
        return echoscu("PROBE", aeTitle, port).exitCode() == 0;
      } catch (IOException | InterruptedException e) {
        return false;
      }
    }, "storescp to answer C-ECHO");
    return process;
  }

  /** Polls {@code condition} every 200 ms until it holds; fails naming {@code what} after {@code timeout}. */
  static void awaitTrue(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
    Instant end = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(200);
    }
  }
}
