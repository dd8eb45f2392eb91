package org.latentcadx.spark;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.latentcadx.cli.ModelOption;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.ModelInfo;

/**
 * The Spark job: lists the archive on the driver, scores it on the executors in batches, and appends
 * each batch's rows to the Parquet table as its own commit, so that a crashed job loses at most the batch
 * in progress. Images the table already has (same key, same bytes, same model) are not scored again.
 */
public final class ArchiveScoring {

  /**
   * What to score and where.
   *
   * @param inputs folders (searched recursively) and files, local paths or Hadoop URIs
   * @param table the Parquet table (a folder) rows are appended to
   * @param model a bundled model name or an ONNX file path every executor can read
   * @param threadsPerTask ONNX Runtime threads per task (executor cores / tasks per executor)
   * @param filesFolder where per-image files (map and overlay PNG, SEG, overlay, CAD SR) go, a folder
   *     every executor can write (local or a shared mount); empty for none
   * @param batchSize images per commit
   */
  public record Settings(List<String> inputs, String table, String model, int threadsPerTask,
      Optional<String> filesFolder, int batchSize) {}

  /** What a run did: images listed, skipped (already in the table), scored, failed. */
  public record Outcome(long listed, long skipped, long scored, long failed) {}

  private ArchiveScoring() {}

  public static Outcome run(SparkSession spark, Settings settings) throws IOException, LatentCadxException {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<ArchiveInput> inputs = ArchiveInputs.list(settings.inputs(), hadoop);
    ResultRows.Model model = modelColumns(settings.model());
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Set<String>> done = context.broadcast(doneKeys(spark, settings.table(), hadoop));
    LongAccumulator skipped = spark.sparkContext().longAccumulator("skipped");
    LongAccumulator scored = spark.sparkContext().longAccumulator("scored");
    LongAccumulator failed = spark.sparkContext().longAccumulator("failed");
    PartitionScorer scorer = new PartitionScorer(settings.model(), settings.threadsPerTask(), settings.filesFolder(),
        model, done, new PartitionScorer.Counters(skipped, scored, failed));
    for (int start = 0; start < inputs.size(); start += settings.batchSize()) {
      List<ArchiveInput> batch = inputs.subList(start, Math.min(inputs.size(), start + settings.batchSize()));
      int partitions = Math.max(1, Math.min(batch.size(), spark.sparkContext().defaultParallelism()));
      Dataset<Row> rows = spark.createDataset(batch, Encoders.bean(ArchiveInput.class))
          .repartition(partitions)
          .mapPartitions(scorer, Encoders.row(ResultRows.SCHEMA));
      rows.write().mode("append").parquet(settings.table());
    }
    return new Outcome(inputs.size(), skipped.value(), scored.value(), failed.value());
  }

  /** The model columns, from the model itself (its SHA-256 is the one executors will report). */
  private static ResultRows.Model modelColumns(String model) throws LatentCadxException {
    try (LesionDetector detector = LesionDetector.builder(ModelOption.sourceOf(model)).build()) {
      ModelInfo info = detector.modelInfo();
      return new ResultRows.Model(info.name(), info.version(), info.sha256());
    }
  }

  /** The images the table has: {@link PartitionScorer#doneKey} of each row. */
  private static Set<String> doneKeys(SparkSession spark, String table, Configuration hadoop) throws IOException {
    Path path = new Path(table);
    FileSystem fs = path.getFileSystem(hadoop);
    Set<String> keys = new HashSet<>();
    if (!fs.exists(path) || fs.globStatus(new Path(path, "*.parquet")).length == 0) {
      return keys;
    }
    for (Row row : spark.read().parquet(table).select("key", "input_sha256", "model_sha256").collectAsList()) {
      if (!row.isNullAt(1)) {
        keys.add(PartitionScorer.doneKey(row.getString(0), row.getString(1), row.getString(2)));
      }
    }
    return keys;
  }
}
