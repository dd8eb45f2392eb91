package org.latentcadx.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.latentcadx.cli.io.Json;
import org.latentcadx.cli.score.ScoreResult;

/**
 * The table's rows: one per image, with the columns below; a failed image has its {@code error} and
 * nulls where nothing was computed. {@code result_json} is the image's result in the {@code score}
 * command's schema ({@value ScoreResult#SCHEMA}), so that {@code evaluate} reads the table exactly as it
 * reads a score folder.
 */
final class ResultRows {

  static final StructType BOX = new StructType()
      .add("x", DataTypes.IntegerType, false)
      .add("y", DataTypes.IntegerType, false)
      .add("width", DataTypes.IntegerType, false)
      .add("height", DataTypes.IntegerType, false);

  static final StructType LESION = new StructType()
      .add("box_px", BOX, false)
      .add("area_px", DataTypes.DoubleType, false)
      .add("area_mm2", DataTypes.DoubleType, true)
      .add("peak_probability", DataTypes.DoubleType, false)
      .add("mean_probability", DataTypes.DoubleType, false);

  static final StructType TIMINGS = new StructType()
      .add("decode_ms", DataTypes.DoubleType, true)
      .add("preprocessing_ms", DataTypes.DoubleType, true)
      .add("inference_ms", DataTypes.DoubleType, true)
      .add("stitching_ms", DataTypes.DoubleType, true)
      .add("postprocessing_ms", DataTypes.DoubleType, true)
      .add("write_ms", DataTypes.DoubleType, true);

  static final StructType SCHEMA = new StructType()
      .add("key", DataTypes.StringType, false)
      .add("uri", DataTypes.StringType, false)
      .add("input_sha256", DataTypes.StringType, true)
      .add("size_bytes", DataTypes.LongType, true)
      .add("format", DataTypes.StringType, true)
      .add("width", DataTypes.IntegerType, true)
      .add("height", DataTypes.IntegerType, true)
      .add("image_probability", DataTypes.DoubleType, true)
      .add("positive", DataTypes.BooleanType, true)
      .add("lesions", DataTypes.createArrayType(LESION, false), true)
      .add("model_name", DataTypes.StringType, false)
      .add("model_version", DataTypes.StringType, false)
      .add("model_sha256", DataTypes.StringType, false)
      .add("provider", DataTypes.StringType, true)
      .add("timings", TIMINGS, true)
      .add("error", DataTypes.StringType, true)
      .add("result_json", DataTypes.StringType, true);

  private ResultRows() {}

  /** The model columns every row carries. */
  record Model(String name, String version, String sha256) implements java.io.Serializable {}

  static Row scored(String uri, long size, ScoreResult result, Map<String, Double> timingsMs) {
    List<Row> lesions = new ArrayList<>();
    for (ScoreResult.Lesion lesion : result.lesions()) {
      ScoreResult.Box box = lesion.boxPx();
      lesions.add(RowFactory.create(
          RowFactory.create((int) box.x(), (int) box.y(), (int) box.width(), (int) box.height()),
          lesion.areaPx(), lesion.areaMm2(), lesion.peakProbability(), lesion.meanProbability()));
    }
    Double write = sum(timingsMs, "write_images", "write_dicom");
    Row timings = RowFactory.create(timingsMs.get("decode"), timingsMs.get("preprocessing"),
        timingsMs.get("inference"), timingsMs.get("stitching"), timingsMs.get("postprocessing"), write);
    ScoreResult.Input input = result.input();
    // Spark's row encoder takes arrays as Scala sequences.
    scala.collection.immutable.Seq<Row> lesionSeq = scala.jdk.javaapi.CollectionConverters.asScala(lesions).toSeq();
    return RowFactory.create(input.file(), uri, input.sha256(), size, input.format(), input.width(),
        input.height(), result.imageProbability(), result.positive(), lesionSeq, result.model().name(),
        result.model().version(), result.model().sha256(), result.provider(), timings, null, json(result));
  }

  static Row failed(String key, String uri, String sha256, Long size, Model model, String error) {
    return RowFactory.create(key, uri, sha256, size, null, null, null, null, null, null, model.name(),
        model.version(), model.sha256(), null, null, error, null);
  }

  private static Double sum(Map<String, Double> timings, String... stages) {
    double total = 0;
    boolean any = false;
    for (String stage : stages) {
      if (timings.containsKey(stage)) {
        total += timings.get(stage);
        any = true;
      }
    }
    return any ? total : null;
  }

  private static String json(ScoreResult result) {
    try {
      return Json.mapper().writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a score result always serialises", e);
    }
  }
}
