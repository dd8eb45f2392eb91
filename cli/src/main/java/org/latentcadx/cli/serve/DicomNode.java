package org.latentcadx.cli.serve;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.dicom.DicomResultWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running node: the Storage SCP, the scoring worker and the delivery sender around one spool
 * folder. On start it picks up what a previous run left: instances received but not scored, and
 * results not delivered.
 */
final class DicomNode implements AutoCloseable {

  /** What the node is configured with. */
  record Settings(
      InetAddress bindAddress,
      int port,
      AcceptancePolicy policy,
      ResultDelivery.Destination destination,
      boolean sendOverlay,
      int maxAssociations,
      Duration idleTimeout,
      Duration firstRetryDelay,
      Duration maxRetryDelay,
      Duration statusInterval) {}

  private static final Logger LOG = LoggerFactory.getLogger(DicomNode.class);

  private final Spool spool;
  private final NodeCounters counters = new NodeCounters();
  private final ScoringWorker worker;
  private final ResultDelivery delivery;
  private final Thread workerThread;
  private final Thread deliveryThread;
  private final StorageScp scp;
  private final ScheduledExecutorService statusReporter = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "node-status");
    thread.setDaemon(true);
    return thread;
  });

  /** Starts the node; the detector stays the caller's to close, after this node. */
  DicomNode(Settings settings, Spool spool, LesionDetector detector, DicomResultWriter writer) throws IOException {
    this.spool = spool;
    this.delivery = new ResultDelivery(settings.destination(), settings.policy().aeTitle(), spool, counters,
        settings.firstRetryDelay(), settings.maxRetryDelay());
    this.worker = new ScoringWorker(detector, writer, settings.sendOverlay(), spool, counters, delivery::submit);
    for (String name : spool.waitingToBeDelivered()) {
      delivery.submit(name);
    }
    for (String name : spool.waitingToBeScored()) {
      worker.submit(name);
    }
    workerThread = new Thread(worker, "scoring-worker");
    deliveryThread = new Thread(delivery, "result-delivery");
    workerThread.start();
    deliveryThread.start();
    scp = new StorageScp(settings.bindAddress(), settings.port(), settings.policy(), spool,
        settings.maxAssociations(), (int) settings.idleTimeout().toMillis(), new StorageAssociation.Listener() {
          @Override
          public void stored(String name) {
            counters.received.incrementAndGet();
            worker.submit(name);
          }

          @Override
          public void notStored(IncomingInstance.Outcome outcome) {
            (outcome.status() == IncomingInstance.Outcome.CANNOT_UNDERSTAND ? counters.failed : counters.refused)
                .incrementAndGet();
          }
        });
    long every = settings.statusInterval().toMillis();
    statusReporter.scheduleAtFixedRate(() -> reportStatus(true), every, every, TimeUnit.MILLISECONDS);
    statusReporter.scheduleWithFixedDelay(() -> reportStatus(false), 1, 1, TimeUnit.SECONDS);
  }

  /** The port the SCP listens on. */
  int port() {
    return scp.port();
  }

  /** Writes {@code status.json} (every second) and, when {@code log}, the status line. */
  private void reportStatus(boolean log) {
    try {
      Records.Status status = counters.status(spool);
      Records.write(spool.status(), status);
      if (log) {
        LOG.info(NodeCounters.line(status));
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot write the status: {}", e.toString());
    }
  }

  /** Stops receiving, then the worker and the sender; what is unfinished stays in the spool. */
  @Override
  public void close() throws IOException {
    scp.close();
    workerThread.interrupt();
    deliveryThread.interrupt();
    try {
      workerThread.join();
      deliveryThread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    statusReporter.shutdownNow();
    reportStatus(true);
  }
}
