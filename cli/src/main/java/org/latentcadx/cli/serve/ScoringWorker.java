package org.latentcadx.cli.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.latentcadx.cli.io.Json;
import org.latentcadx.sdk.DetectionResult;
import org.latentcadx.sdk.ImageFile;
import org.latentcadx.sdk.ImageFiles;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.ProbabilityMap;
import org.latentcadx.sdk.dicom.DicomImage;
import org.latentcadx.sdk.dicom.DicomResultWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores received instances one after another with the node's detector and writes each one's results
 * (SEG, CAD SR and optionally the overlay) into {@code outgoing/NAME/} in one atomic rename, then
 * removes the received instance. An instance that cannot be scored goes to {@code failed/} with a
 * record of why; the worker carries on with the next.
 */
final class ScoringWorker implements Runnable {

  /** The result files of one instance, in the order they are delivered. */
  static final String SEGMENTATION = "seg.dcm";
  static final String CAD_REPORT = "sr.dcm";
  static final String OVERLAY = "overlay.dcm";
  static final String RECORD = "result.json";

  private static final Logger LOG = LoggerFactory.getLogger(ScoringWorker.class);

  private final LesionDetector detector;
  private final DicomResultWriter writer;
  private final boolean sendOverlay;
  private final Spool spool;
  private final NodeCounters counters;
  private final Consumer<String> onScored;
  private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();

  ScoringWorker(LesionDetector detector, DicomResultWriter writer, boolean sendOverlay, Spool spool,
      NodeCounters counters, Consumer<String> onScored) {
    this.detector = detector;
    this.writer = writer;
    this.sendOverlay = sendOverlay;
    this.spool = spool;
    this.counters = counters;
    this.onScored = onScored;
  }

  /** Queues a stored instance for scoring. */
  void submit(String name) {
    queue.add(name);
  }

  @Override
  public void run() {
    try {
      while (true) {
        score(queue.take());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // shutting down; what is queued stays in incoming/
    }
  }

  /** Scores one instance; never throws, so that one bad instance cannot stop the worker. */
  void score(String name) {
    Path input = spool.incoming(name);
    try {
      if (!Files.exists(input)) {
        return;
      }
      if (Files.exists(spool.outgoing(name)) || Files.exists(spool.doneRecord(name))) {
        Files.delete(input); // scored before a crash that came before this removal
        return;
      }
      writeResults(name, input);
      Files.delete(input);
      Durable.forceFolder(input.getParent());
      counters.scored.incrementAndGet();
      onScored.accept(name);
    } catch (LatentCadxException e) {
      fail(name, input, e.code() + ": " + e.getMessage());
    } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
      // Even an image too large for the heap must not stop the worker: record it and go on.
      LOG.error("{}: unexpected error while scoring", name, e);
      fail(name, input, "unexpected error: " + e);
    }
  }

  private void writeResults(String name, Path input) throws LatentCadxException, IOException {
    ImageFile read = ImageFiles.read(input);
    if (!(read instanceof DicomImage dicom)) {
      throw new LatentCadxException(ErrorCode.UNSUPPORTED_FORMAT, input + ": not a DICOM image");
    }
    dicom.source().requireReferenceable();
    DetectionResult detection = detector.detect(dicom.image());
    ProbabilityMap map = detection.probabilityMap();
    double threshold = detector.lesionThreshold();
    Path target = spool.outgoing(name);
    Path temp = Spool.temporaryFor(target);
    Files.createDirectory(temp);
    try {
      List<String> uids = new ArrayList<>();
      uids.add(writer.writeLesionSegmentation(dicom.source(), map, threshold, temp.resolve(SEGMENTATION)));
      uids.add(writer.writeCadReport(dicom.source(), detection, threshold, temp.resolve(CAD_REPORT)));
      if (sendOverlay) {
        uids.add(writer.writeHeatmapOverlay(dicom, map, threshold, temp.resolve(OVERLAY)));
      }
      Records.Scored record = new Records.Scored(dicom.source().sopInstanceUid(),
          detection.imageProbability(), detection.positive(), detection.lesions().size(), List.copyOf(uids),
          Instant.now().toString(), null);
      Files.write(temp.resolve(RECORD), Json.mapper().writeValueAsBytes(record));
      Durable.move(temp, target);
    } finally {
      Spool.deleteTree(temp);
    }
    LOG.info("{}: image probability {}, {} lesion(s); results queued for delivery", name,
        String.format("%.3f", detection.imageProbability()), detection.lesions().size());
  }

  private void fail(String name, Path input, String reason) {
    counters.failed.incrementAndGet();
    LOG.warn("{}: not scored: {}", name, reason);
    try {
      if (Files.exists(input)) {
        Durable.move(input, spool.failed(name));
      }
      Records.write(spool.failedRecord(name), Records.Failure.now(name, null, "score", reason));
    } catch (IOException e) {
      LOG.error("{}: cannot record the failure: {}", name, e.toString());
    }
  }
}
