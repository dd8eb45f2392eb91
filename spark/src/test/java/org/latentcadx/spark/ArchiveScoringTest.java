package org.latentcadx.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.cli.LatentCadxCli;
import org.latentcadx.cli.io.Json;

/**
 * The Spark job on {@code local[2]} over the repository's sample mammograms, a corrupt DICOM and a text
 * file: the same probabilities and lesions as {@code latentcadx score}, error rows for the bad files, a
 * rerun that scores only the rows the table lacks, and {@code evaluate} on the table.
 */
class ArchiveScoringTest {

  private static final Path SAMPLES = Path.of("../samples/data");

  @TempDir static Path dir;
  private static SparkSession spark;
  private static Path inputs;
  private static Path table;
  private static ArchiveScoring.Outcome first;

  @BeforeAll
  static void scoreOnce() throws Exception {
    spark = SparkSession.builder().master("local[2]").appName("test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    inputs = dir.resolve("archive");
    Files.createDirectories(inputs.resolve("site-a"));
    try (Stream<Path> samples = Files.list(SAMPLES)) {
      for (Path sample : samples.filter(p -> p.toString().endsWith(".dcm")).toList()) {
        Files.copy(sample, inputs.resolve("site-a").resolve(sample.getFileName()));
      }
    }
    byte[] corrupt = new byte[200];
    System.arraycopy("DICM".getBytes(), 0, corrupt, 128, 4);
    Files.write(inputs.resolve("broken.dcm"), corrupt);
    Files.writeString(inputs.resolve("notes.txt"), "not an image");
    Files.writeString(inputs.resolve(".hidden.dcm"), "skipped");
    table = dir.resolve("table");
    first = ArchiveScoring.run(spark, settings(table));
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static ArchiveScoring.Settings settings(Path table) {
    return new ArchiveScoring.Settings(List.of(inputs.toString()), table.toString(), "latentcadx-lite", 1,
        Optional.empty(), 3);
  }

  @Test
  void theFirstRunScoresEveryImageAndRecordsEachBadFileAsAnErrorRow() {
    assertThat(first).isEqualTo(new ArchiveScoring.Outcome(7, 0, 5, 2));
    Dataset<Row> rows = spark.read().parquet(table.toString());
    assertThat(rows.count()).isEqualTo(7);
    Map<String, Row> byKey = byKey(rows);
    assertThat(byKey.keySet()).contains("site-a/P_00005_LEFT_MLO.dcm", "broken.dcm", "notes.txt");
    assertThat(byKey.get("broken.dcm").<String>getAs("error")).startsWith("CORRUPT_INPUT").contains("broken.dcm");
    assertThat(byKey.get("notes.txt").<String>getAs("error")).startsWith("UNSUPPORTED_FORMAT");
    Row sample = byKey.get("site-a/P_00003_RIGHT_CC.dcm");
    assertThat(sample.<String>getAs("model_name")).isEqualTo("latentcadx-lite");
    assertThat(sample.<String>getAs("input_sha256")).hasSize(64);
    assertThat(sample.<Long>getAs("size_bytes")).isPositive();
    assertThat(sample.<Row>getAs("timings").<Double>getAs("inference_ms")).isPositive();
  }

  @Test
  void probabilitiesAndLesionsAreTheCommandLinesToOneMillionth() throws Exception {
    Path cli = dir.resolve("cli");
    assertThat(LatentCadxCli.execute("score", "-o", cli.toString(), inputs.resolve("site-a").toString(),
        "--device", "cpu")).isZero();
    Map<String, Row> byKey = byKey(spark.read().parquet(table.toString()));
    try (Stream<Path> results = Files.list(cli)) {
      List<Path> jsons = results.filter(p -> p.toString().endsWith(".dcm.json")).toList();
      assertThat(jsons).hasSize(5);
      for (Path json : jsons) {
        JsonNode expected = Json.mapper().readTree(json.toFile());
        Row row = byKey.get("site-a/" + expected.at("/input/file").asText());
        assertThat(row.<Double>getAs("image_probability"))
            .isCloseTo(expected.at("/imageProbability").asDouble(), within(1e-6));
        List<Row> lesions = row.getList(row.fieldIndex("lesions"));
        assertThat(lesions).hasSize(expected.at("/lesions").size());
        for (int i = 0; i < lesions.size(); i++) {
          Row box = lesions.get(i).getAs("box_px");
          JsonNode expectedBox = expected.at("/lesions/" + i + "/boxPx");
          assertThat(List.<Integer>of(box.getAs("x"), box.getAs("y"), box.getAs("width"), box.getAs("height")))
              .containsExactly(expectedBox.get("x").asInt(), expectedBox.get("y").asInt(),
                  expectedBox.get("width").asInt(), expectedBox.get("height").asInt());
          assertThat(lesions.get(i).<Double>getAs("peak_probability"))
              .isCloseTo(expected.at("/lesions/" + i + "/peakProbability").asDouble(), within(1e-6));
        }
      }
    }
  }

  @Test
  void aRerunAfterRowsWereLostScoresOnlyThose() throws Exception {
    Path partial = dir.resolve("partial");
    spark.read().parquet(table.toString())
        .where("key NOT IN ('site-a/normal-1.dcm', 'broken.dcm')")
        .write().parquet(partial.toString());

    ArchiveScoring.Outcome rerun = ArchiveScoring.run(spark, settings(partial));

    assertThat(rerun).isEqualTo(new ArchiveScoring.Outcome(7, 5, 1, 1));
    Dataset<Row> rows = spark.read().parquet(partial.toString());
    assertThat(rows.count()).isEqualTo(7);
    assertThat(rows.select("key").distinct().count()).isEqualTo(7);
  }

  @Test
  void perImageFilesGoToTheTargetFolderWhenAsked() throws Exception {
    Path files = dir.resolve("files");
    Path one = inputs.resolve("site-a/P_00003_RIGHT_CC.dcm");
    ArchiveScoring.Outcome outcome = ArchiveScoring.run(spark, new ArchiveScoring.Settings(
        List.of(one.toString()), dir.resolve("table-with-files").toString(), "latentcadx-lite", 1,
        Optional.of(files.toString()), 10));

    assertThat(outcome.scored()).isEqualTo(1);
    for (String suffix : List.of(".seg.dcm", ".sr.dcm", ".overlay.png", ".map.png")) {
      assertThat(files.resolve("P_00003_RIGHT_CC.dcm" + suffix)).as(suffix).isRegularFile();
    }
  }

  @Test
  void evaluateReadsTheTableAsItReadsAScoreFolder() throws Exception {
    Path report = dir.resolve("evaluation");
    int exit = SparkCommand.execute("evaluate", "--table", table.toString(),
        "-g", "../samples/ground-truth/mass_case_description.csv",
        "../samples/ground-truth/calc_case_description.csv",
        "--normals", inputs.resolve("site-a/normal-1.dcm").toString(), inputs.resolve("site-a/normal-2.dcm").toString(),
        "-o", report.toString());

    assertThat(exit).isZero();
    assertThat(report.resolve("report.html")).isRegularFile();
  }

  private static Map<String, Row> byKey(Dataset<Row> rows) {
    Map<String, Row> byKey = new HashMap<>();
    for (Row row : rows.collectAsList()) {
      byKey.put(row.getAs("key"), row);
    }
    return byKey;
  }
}
