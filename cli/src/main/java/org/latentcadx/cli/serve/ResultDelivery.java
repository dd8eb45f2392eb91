package org.latentcadx.cli.serve;

import com.pixelmed.dicom.SetOfDicomFiles;
import com.pixelmed.network.MultipleInstanceTransferStatusHandler;
import com.pixelmed.network.StorageSOPClassSCU;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each result set in {@code outgoing/} to the destination by C-STORE, oldest first. A file is
 * removed once the destination has answered success for it; when none is left, the set's record moves
 * to {@code done/}. A set whose attempt fails goes to the back of the queue (so that one set the
 * destination refuses does not hold up the others), and the next attempt waits a delay that doubles up
 * to a maximum, for as long as the node runs; a restart resends what was not confirmed, with the same
 * SOP Instance UIDs.
 */
final class ResultDelivery implements Runnable {

  /** Where results go. */
  record Destination(String host, int port, String aeTitle) {
    @Override
    public String toString() {
      return aeTitle + "@" + host + ":" + port;
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(ResultDelivery.class);

  private final Destination destination;
  private final String callingAeTitle;
  private final Spool spool;
  private final NodeCounters counters;
  private final Duration firstRetryDelay;
  private final Duration maxRetryDelay;
  private final BlockingDeque<String> queue = new LinkedBlockingDeque<>();

  ResultDelivery(Destination destination, String callingAeTitle, Spool spool, NodeCounters counters,
      Duration firstRetryDelay, Duration maxRetryDelay) {
    this.destination = destination;
    this.callingAeTitle = callingAeTitle;
    this.spool = spool;
    this.counters = counters;
    this.firstRetryDelay = firstRetryDelay;
    this.maxRetryDelay = maxRetryDelay;
  }

  /** Queues a result set for delivery. */
  void submit(String name) {
    queue.add(name);
  }

  @Override
  public void run() {
    Duration delay = firstRetryDelay;
    try {
      while (true) {
        String name = queue.take();
        if (deliver(name)) {
          delay = firstRetryDelay;
        } else {
          counters.deliveryAttemptsFailed.incrementAndGet();
          queue.addLast(name);
          LOG.info("{}: delivery to {} retried in {} s", name, destination, delay.toMillis() / 1000.0);
          Thread.sleep(delay.toMillis());
          delay = delay.multipliedBy(2).compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay.multipliedBy(2);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // shutting down; undelivered sets stay in outgoing/
    }
  }

  /** Sends what is left of one result set; true when all of it has been delivered. */
  boolean deliver(String name) {
    Path folder = spool.outgoing(name);
    try {
      if (!Files.isDirectory(folder)) {
        return true;
      }
      List<Path> files = dicomFiles(folder);
      if (!files.isEmpty()) {
        send(name, files);
      }
      if (!dicomFiles(folder).isEmpty()) {
        return false;
      }
      Records.Scored record = Records.read(folder.resolve(ScoringWorker.RECORD), Records.Scored.class);
      Records.write(spool.doneRecord(name), record.delivered());
      Spool.deleteTree(folder);
      Durable.forceFolder(folder.getParent());
      counters.delivered.incrementAndGet();
      LOG.info("{}: {} result(s) delivered to {}", name, record.resultSopInstanceUids().size(), destination);
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.warn("{}: delivery to {} failed: {}", name, destination, e.toString());
      return false;
    }
  }

  private void send(String name, List<Path> files) throws IOException {
    SetOfDicomFiles set = new SetOfDicomFiles();
    Map<Path, String> uids = new LinkedHashMap<>();
    for (Path file : files) {
      uids.put(file, set.add(file.toFile()).getSOPInstanceUID());
    }
    Confirmations confirmations = new Confirmations();
    try {
      new StorageSOPClassSCU(destination.host(), destination.port(), destination.aeTitle(), callingAeTitle,
          set, 0, confirmations);
    } catch (Exception e) { // PixelMed reports network and protocol failures as several checked types
      LOG.warn("{}: C-STORE to {} failed: {}", name, destination, e.toString());
    }
    for (Path file : files) {
      if (confirmations.succeeded.contains(uids.get(file))) {
        Files.delete(file);
      }
    }
    Durable.forceFolder(files.get(0).getParent());
    if (confirmations.failedCount > 0) {
      LOG.warn("{}: {} of {} result(s) refused by {}", name, confirmations.failedCount, files.size(), destination);
    }
  }

  /** The SOP Instance UIDs the destination answered success (or warning) for. */
  private static final class Confirmations extends MultipleInstanceTransferStatusHandler {
    private final List<String> succeeded = new ArrayList<>();
    private int completed;
    private int warned;
    private int failedCount;

    @Override
    public void updateStatus(int remaining, int completed, int failed, int warning, String sopInstanceUid) {
      if (completed > this.completed || warning > this.warned) {
        succeeded.add(sopInstanceUid);
      }
      this.completed = completed;
      this.warned = warning;
      this.failedCount = failed;
    }
  }

  private static List<Path> dicomFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".dcm")).sorted().toList();
    }
  }
}
