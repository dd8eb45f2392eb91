package org.latentcadx.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.latentcadx.cli.io.Sha256;
import org.latentcadx.cli.score.DetectorScorer;
import org.latentcadx.cli.score.ImageScorer;
import org.latentcadx.cli.score.InputFile;
import org.latentcadx.cli.score.OutputLayout;
import org.latentcadx.cli.score.ScoreResult;
import org.latentcadx.sdk.ImageFiles;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LesionDetector;

/**
 * Scores the images of one partition on an executor: each {@link ArchiveInput} is read through Hadoop's
 * file system, hashed, skipped when the table already has it (same key, bytes and model), copied to a
 * local temporary file when it is not on a local file system, and scored by the executor's shared detector exactly as {@code latentcadx score}
 * does. Any failure of one image becomes its row's {@code error}; it never fails the task.
 */
final class PartitionScorer implements MapPartitionsFunction<ArchiveInput, Row> {

  private static final long serialVersionUID = 1L;

  private final String model;
  private final int threadsPerTask;
  private final String filesFolder; // null: no per-image files
  private final ResultRows.Model modelColumns;
  private final Broadcast<Set<String>> done;
  private final Counters counters;

  /** What the tasks did, summed on the driver. */
  record Counters(LongAccumulator skipped, LongAccumulator scored, LongAccumulator failed)
      implements java.io.Serializable {}

  PartitionScorer(String model, int threadsPerTask, Optional<String> filesFolder, ResultRows.Model modelColumns,
      Broadcast<Set<String>> done, Counters counters) {
    this.model = model;
    this.threadsPerTask = threadsPerTask;
    this.filesFolder = filesFolder.orElse(null);
    this.modelColumns = modelColumns;
    this.done = done;
    this.counters = counters;
  }

  /** The key that marks an image done in the table: its key, its bytes' SHA-256 and the model's. */
  static String doneKey(String key, String inputSha256, String modelSha256) {
    return key + "\u0000" + inputSha256 + "\u0000" + modelSha256;
  }

  @Override
  public Iterator<Row> call(Iterator<ArchiveInput> inputs) throws Exception {
    LesionDetector detector = ExecutorDetectors.get(model, threadsPerTask);
    ScoreResult.Settings settings = ScoreResult.Settings.of(detector, "max", null);
    ImageScorer scorer = filesFolder == null
        ? DetectorScorer.withoutFiles(detector, settings)
        : new DetectorScorer(detector, new OutputLayout(Path.of(filesFolder)), settings);
    Configuration hadoop = new Configuration();
    List<Row> rows = new ArrayList<>();
    while (inputs.hasNext()) {
      Row row = score(inputs.next(), scorer, hadoop);
      if (row == null) {
        counters.skipped().add(1);
      } else {
        (row.isNullAt(ResultRows.SCHEMA.fieldIndex("error")) ? counters.scored() : counters.failed()).add(1);
        rows.add(row);
      }
    }
    return rows.iterator();
  }

  /** The image's row; null when the table has it already. */
  private Row score(ArchiveInput input, ImageScorer scorer, Configuration hadoop) {
    String sha256 = null;
    Long size = null;
    Path local = null;
    Path temporary = null;
    try {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(input.uri());
      FileSystem fs = path.getFileSystem(hadoop);
      if (fs instanceof LocalFileSystem localFs) {
        // A local file (local mode, or a mount every executor sees): read in place.
        local = localFs.pathToFile(path).toPath();
        size = Files.size(local);
        sha256 = Sha256.of(local);
      } else {
        // Another file system: one pass copies the bytes to a local file and hashes them.
        temporary = Files.createTempFile("latentcadx-", "-" + path.getName());
        local = temporary;
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = fs.open(path)) {
          size = Files.copy(new java.security.DigestInputStream(in, digest), temporary,
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        sha256 = HexFormat.of().formatHex(digest.digest());
      }
      if (done.value().contains(doneKey(input.key(), sha256, modelColumns.sha256()))) {
        return null;
      }
      Optional<String> format = ImageFiles.format(local);
      if (format.isEmpty()) {
        return ResultRows.failed(input.key(), input.uri(), sha256, size, modelColumns,
            "UNSUPPORTED_FORMAT: " + input.key() + " is not a DICOM, PNG or TIFF file (by content or extension)");
      }
      ImageScorer.Scored scored = scorer.score(new InputFile(local, input.key(), format.get()), sha256);
      return ResultRows.scored(input.uri(), size, scored.result(), scored.timingsMs());
    } catch (LatentCadxException e) {
      return ResultRows.failed(input.key(), input.uri(), sha256, size, modelColumns,
          e.code() + ": " + e.getMessage().replace(String.valueOf(local), input.key()));
    } catch (Exception | OutOfMemoryError e) { // one image's failure, whatever it is, stays its own
      return ResultRows.failed(input.key(), input.uri(), sha256, size, modelColumns, e.toString());
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // a temporary file left behind; the OS cleans its temporary folder
        }
      }
    }
  }
}
