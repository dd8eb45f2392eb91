package org.latentcadx.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.latentcadx.cli.LatentCadxCli;

/** {@code latentcadx serve} in its own JVM, on a free port, logging to {@code node-N.log} beside its spool. */
final class NodeProcess implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
  private static int started;

  private final Process process;
  private final Path log;
  private final Path spool;
  private final int port;

  private NodeProcess(Process process, Path log, Path spool, int port) {
    this.process = process;
    this.log = log;
    this.spool = spool;
    this.port = port;
  }

  /** Starts the node with {@code options} after {@code serve --port 0 --spool SPOOL}. */
  static NodeProcess start(Path spool, String... options) throws Exception {
    Path log = spool.resolveSibling("node-" + (++started) + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        LatentCadxCli.class.getName(), "serve", "--port", "0", "--spool", spool.toString()));
    command.addAll(List.of(options));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int[] port = {0};
    DicomPeers.awaitTrue(Duration.ofSeconds(60), () -> {
      if (!process.isAlive()) {
        throw new AssertionError("the node exited: " + read(log));
      }
      Matcher matcher = LISTENING.matcher(read(log));
      if (matcher.find()) {
        port[0] = Integer.parseInt(matcher.group(1));
        return true;
      }
      return false;
    }, "the node to listen");
    return new NodeProcess(process, log, spool, port[0]);
  }

  int port() {
    return port;
  }

  String log() {
    return read(log);
  }

  /** The node's status.json, or null before its first write. */
  JsonNode status() {
    try {
      Path file = spool.resolve("status.json");
      return Files.exists(file) ? new ObjectMapper().readTree(file.toFile()) : null;
    } catch (IOException e) {
      return null; // being replaced
    }
  }

  /** Waits until status.json's {@code counter} reaches {@code value}. */
  void awaitStatus(String counter, long value, Duration timeout) throws InterruptedException {
    DicomPeers.awaitTrue(timeout, () -> {
      JsonNode status = status();
      return status != null && status.get(counter).asLong() >= value;
    }, counter + " = " + value + " in status.json; the node logged:\n" + log());
  }

  /** SIGKILL: no shutdown hook, no flushing; what is on disk is all that survives. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  private static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "";
    }
  }
}
