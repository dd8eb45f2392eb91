package org.latentcadx.cli.serve;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** What the node did since it started; thread-safe. */
final class NodeCounters {

  final AtomicLong received = new AtomicLong();
  final AtomicLong refused = new AtomicLong();
  final AtomicLong scored = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong delivered = new AtomicLong();
  final AtomicLong deliveryAttemptsFailed = new AtomicLong();

  /** The counters with the queue lengths read from the spool. */
  Records.Status status(Spool spool) throws IOException {
    return new Records.Status(
        Instant.now().toString(),
        spool.waitingToBeScored().size(),
        spool.waitingToBeDelivered().size(),
        received.get(),
        refused.get(),
        scored.get(),
        failed.get(),
        delivered.get(),
        deliveryAttemptsFailed.get());
  }

  /** One line for the log: queue lengths and counters. */
  static String line(Records.Status status) {
    return String.format(
        "status: %d waiting to be scored, %d result set(s) waiting for delivery; since start %d received,"
            + " %d refused, %d scored, %d failed, %d delivered, %d failed delivery attempt(s)",
        status.waitingToBeScored(), status.waitingToBeDelivered(), status.received(), status.refused(),
        status.scored(),
        status.failed(), status.delivered(), status.deliveryAttemptsFailed());
  }
}
