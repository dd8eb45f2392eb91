package org.latentcadx.conformance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The JSON files of a goldens tree and how they are read and written. Layout (see README.md):
 *
 * <pre>
 * sets.json                        names of the golden sets
 * &lt;set&gt;/manifest.json              {@link Manifest}
 * &lt;set&gt;/model.onnx                 the model, or a bundled model named in the manifest
 * &lt;set&gt;/&lt;case&gt;/model.ref           path of the case's model, relative to the case folder
 * &lt;set&gt;/&lt;case&gt;/test_data_set_N/   input_K.pb and output_K.pb (ONNX TensorProto)
 * &lt;set&gt;/&lt;image case&gt;/case.json    {@link ImageCase}; lesions.json {@link LesionList}
 * </pre>
 */
public final class GoldenFormat {

  public static final String SETS = "sets.json";
  public static final String MANIFEST = "manifest.json";
  public static final String MODEL_REF = "model.ref";
  public static final String IMAGE_CASE = "case.json";
  public static final String LESIONS = "lesions.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private GoldenFormat() {}

  /** The kinds of case. */
  public enum Kind {
    /** Patches in, probability and mask out: the model alone. */
    PATCH,
    /** A whole image through the detector: preprocessing, tiles, stitched map, image probability, lesions. */
    IMAGE,
    /** Classification metrics over a small set, against scikit-learn. */
    METRICS
  }

  /**
   * One golden set: a model and the cases computed from it.
   *
   * @param modelFile the model file in the set's folder, or null for a bundled model
   * @param bundledModel the name of a model bundled in {@code latentcadx-onnx-models}, or null
   * @param modelSha256 SHA-256 of the model bytes the goldens were computed with
   * @param references the independent engines and their versions
   */
  public record Manifest(
      String set,
      String description,
      String modelFile,
      String bundledModel,
      String modelSha256,
      Map<String, String> references,
      List<CaseEntry> cases) {}

  /** A case of a set: its folder name, kind and number of {@code test_data_set_N} folders. */
  public record CaseEntry(String name, Kind kind, int dataSets) {}

  /**
   * The detector settings of an image case.
   *
   * @param image the input image file in the case folder (16-bit grey PNG)
   * @param scanner the {@code org.latentcadx.sdk.DdsmScanner} of an optical-density model, or null
   * @param stride tile stride in model-scale pixels
   * @param aggregation {@code max}, {@code noisy_or} or {@code top_k_mean:K}
   * @param lesionThreshold map threshold of the lesion list
   * @param mapSmoothing map smoothing (Gaussian σ, map pixels) overriding the model's own, or null for
   *     the model's {@code latentcadx.map_smoothing_sigma}
   * @param thresholdMargin smallest distance of a golden map value to the threshold (informative: the
   *     lesion checks are stable while map errors stay below it)
   */
  public record ImageCase(
      String image,
      String scanner,
      int stride,
      String aggregation,
      float lesionThreshold,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double mapSmoothing,
      double thresholdMargin) {}

  /** The golden lesions of an image case, in the detector's order (highest peak first). */
  public record LesionList(List<LesionGolden> lesions) {}

  /**
   * One golden lesion.
   *
   * @param mapBox {@code [x, y, width, height]} in map pixels
   * @param imageBox {@code [x, y, width, height]} in original-image pixels
   */
  public record LesionGolden(
      int[] mapBox, int[] imageBox, int areaMapPixels, double peakProbability, double meanProbability) {}

  /** {@code value} as the JSON text the goldens use (indented, keys of maps sorted, newline at end). */
  public static byte[] toJson(Object value) {
    try {
      return (JSON.writeValueAsString(value) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses golden JSON {@code bytes} from {@code source}. */
  public static <T> T fromJson(byte[] bytes, Class<T> type, String source) {
    try {
      return JSON.readValue(bytes, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + source + " as " + type.getSimpleName(), e);
    }
  }

  /** The file name of the {@code k}-th input of a data set. */
  public static String input(String caseFolder, int dataSet, int k) {
    return caseFolder + "/test_data_set_" + dataSet + "/input_" + k + ".pb";
  }

  /** The file name of the {@code k}-th output of a data set. */
  public static String output(String caseFolder, int dataSet, int k) {
    return caseFolder + "/test_data_set_" + dataSet + "/output_" + k + ".pb";
  }
}
