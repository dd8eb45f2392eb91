package org.latentcadx.cli.score;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.latentcadx.cli.io.Json;
import org.latentcadx.sdk.DdsmScanner;
import org.latentcadx.sdk.LesionDetector;

/**
 * The per-image JSON result ({@code <key>.json}) of {@code score}, schema {@value #SCHEMA}.
 *
 * <p>It holds nothing that varies between two runs over the same inputs with the same model and
 * settings (timings go to {@code <key>.timings.json}), so reruns write byte-identical files. Every
 * floating-point value is rounded to 6 decimals (see {@link org.latentcadx.cli.io.Json}).
 *
 * @param schema the schema name and version
 * @param input what was scored
 * @param model the model that scored it
 * @param settings the settings that change results
 * @param provider the ONNX Runtime execution provider that ran the model
 * @param imageProbability the image-level lesion probability
 * @param positive whether {@code imageProbability} reaches the model's decision threshold
 * @param lesions the lesions found, in the detector's order
 * @param outputs the files written for this image, relative to this JSON's folder
 */
public record ScoreResult(
    String schema,
    Input input,
    Model model,
    Settings settings,
    String provider,
    double imageProbability,
    boolean positive,
    List<Lesion> lesions,
    Outputs outputs) {

  /** The schema written into every result. */
  public static final String SCHEMA = "latentcadx-score/1";

  public ScoreResult {
    lesions = List.copyOf(lesions);
  }

  /**
   * The scored file.
   *
   * @param file the input key (path relative to the inputs' common folder)
   * @param format the detected format
   * @param sha256 the SHA-256 of the file's bytes
   * @param width image width in pixels
   * @param height image height in pixels
   * @param pixelSpacingMm the pixel size, or null when unknown
   * @param laterality LEFT, RIGHT or UNKNOWN
   * @param view the view position, or null when unknown
   */
  public record Input(
      String file,
      String format,
      String sha256,
      int width,
      int height,
      @JsonInclude(JsonInclude.Include.NON_NULL) Spacing pixelSpacingMm,
      String laterality,
      @JsonInclude(JsonInclude.Include.NON_NULL) String view) {}

  /** Physical pixel size in millimetres. */
  public record Spacing(double row, double column) {}

  /**
   * The model: its name and version from its metadata, the SHA-256 of its ONNX bytes, and what it is
   * for when its metadata says ({@code latentcadx.intended_use}).
   */
  public record Model(
      String name,
      String version,
      String sha256,
      @JsonInclude(JsonInclude.Include.NON_NULL) String intendedUse) {}

  /**
   * The settings that change results; a result is reused on a rerun only when they are unchanged.
   *
   * @param stride tile stride in model-scale pixels
   * @param aggregation how tile probabilities become the image probability
   * @param decisionThreshold the threshold of {@code positive} and of the lesion map
   * @param mapSmoothing the Gaussian standard deviation, in map pixels, the probability map was smoothed
   *     with before its lesions were extracted; 0 (not written) when it was not smoothed
   * @param scanner the DDSM digitiser whose calibration turned grey levels into optical densities, for
   *     models with {@code optical_density} normalisation; null otherwise
   */
  public record Settings(
      int stride,
      String aggregation,
      double decisionThreshold,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) double mapSmoothing,
      @JsonInclude(JsonInclude.Include.NON_NULL) String scanner) {

    /**
     * The settings of {@code detector}: its stride, lesion threshold and map smoothing, the aggregation as
     * named on the command line, and the scanner when the model's normalisation uses one.
     */
    public static Settings of(
        LesionDetector detector, String aggregation, DdsmScanner scanner) {
      return new Settings(
          detector.stride(),
          aggregation,
          // As written to JSON, so that a rerun compares equal settings (0.35f is not 0.35).
          Double.parseDouble(Json.plain(detector.lesionThreshold())),
          detector.mapSmoothing(),
          scanner == null || !"optical_density".equals(detector.modelInfo().normalization()) ? null : scanner.name());
    }
  }

  /**
   * One lesion: a connected region of the thresholded probability map.
   *
   * @param boxPx its bounding box in original-image pixels
   * @param boxMm its bounding box in millimetres from the image's top-left corner, or null when the
   *     pixel spacing is unknown
   * @param areaPx its area in original-image pixels
   * @param areaMm2 its area in square millimetres, or null when the pixel spacing is unknown
   * @param peakProbability the highest probability inside it
   * @param meanProbability the mean probability inside it
   */
  public record Lesion(
      Box boxPx,
      @JsonInclude(JsonInclude.Include.NON_NULL) Box boxMm,
      double areaPx,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double areaMm2,
      double peakProbability,
      double meanProbability) {}

  /** An axis-aligned box: top-left corner, width and height. */
  public record Box(double x, double y, double width, double height) {}

  /**
   * The files written beside the result, by name; null when not written (DICOM objects exist only
   * for DICOM inputs).
   *
   * @param overlayPng the image with heatmap and lesion outlines
   * @param probabilityMap the probability map as a 16-bit grey PNG (value = probability × 65535)
   * @param segmentation the DICOM Segmentation object
   * @param overlayDicom the DICOM secondary-capture overlay
   * @param cadReport the Mammography CAD SR
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Outputs(
      String overlayPng,
      String probabilityMap,
      String segmentation,
      String overlayDicom,
      String cadReport) {

    /** The names of the files that exist for this result. */
    public List<String> names() {
      return java.util.stream.Stream.of(overlayPng, probabilityMap, segmentation, overlayDicom, cadReport)
          .filter(java.util.Objects::nonNull)
          .toList();
    }
  }
}
