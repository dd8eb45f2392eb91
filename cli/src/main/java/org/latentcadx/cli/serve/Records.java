package org.latentcadx.cli.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.latentcadx.cli.io.Json;

/** The JSON records the node keeps in its folder, each written durably. */
final class Records {

  /** Why an instance could not be stored or scored. */
  record Failure(String sopInstanceUid, String callingAeTitle, String stage, String reason, String time) {
    static Failure now(String sopInstanceUid, String callingAeTitle, String stage, String reason) {
      return new Failure(sopInstanceUid, callingAeTitle, stage, reason, Instant.now().toString());
    }
  }

  /** What the node made of one received instance, and which results it sends. */
  record Scored(
      String sopInstanceUid,
      double imageProbability,
      boolean positive,
      int lesions,
      java.util.List<String> resultSopInstanceUids,
      String scoredAt,
      String deliveredAt) {

    Scored delivered() {
      return new Scored(sopInstanceUid, imageProbability, positive, lesions,
          resultSopInstanceUids, scoredAt, Instant.now().toString());
    }
  }

  /**
   * The node's counters since it started, and what waits in its folder: {@code received} instances
   * stored, {@code refused} C-STOREs answered with a refusal (out of resources, SOP class, disk error),
   * {@code failed} instances that could not be understood or scored (each with a record in failed/).
   */
  record Status(
      String time,
      int waitingToBeScored,
      int waitingToBeDelivered,
      long received,
      long refused,
      long scored,
      long failed,
      long delivered,
      long deliveryAttemptsFailed) {}

  private Records() {}

  /** Writes {@code record} as {@code target} durably (temporary file, fsync, atomic rename). */
  static void write(Path target, Object record) throws IOException {
    Path temp = Spool.temporaryFor(target);
    Files.write(temp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
    Durable.move(temp, target);
  }

  static <T> T read(Path file, Class<T> type) throws IOException {
    return Json.mapper().readValue(file.toFile(), type);
  }
}
