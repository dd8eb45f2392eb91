package org.latentcadx.cli.evaluate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.ProbabilityMap;
import org.latentcadx.sdk.render.ProbabilityMapPng;
import org.latentcadx.sdk.metrics.DetectionMode;
import org.latentcadx.sdk.metrics.SegmentationEvaluator;
import org.latentcadx.sdk.metrics.SegmentationMetrics;
import org.latentcadx.sdk.metrics.SegmentationReport;
import org.latentcadx.sdk.metrics.SegmentationSettings;

/**
 * The segmentation part of {@code metrics.json}: one patch per abnormality (see {@link PatchSampler}),
 * scored by the SDK's {@link SegmentationEvaluator} with the paper's settings (threshold 0.5, confused
 * margin 0.2, AP at IoU 0.3, 0.5 and 0.7 with COCO 101-point interpolation), against the hand-drawn
 * outlines and, when every abnormality has one, against the true (latent) lesions.
 *
 * @param patchSize the patch edge at the model's scale
 * @param annotation metrics against the outlines
 * @param trueLesion metrics against the true lesions, absent when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SegmentationSection(int patchSize, Breakdown annotation, Breakdown trueLesion) {

  /** Overall and per lesion type. */
  record Breakdown(Metrics all, Map<String, Metrics> byLesionType) {
    static Breakdown of(SegmentationReport report) {
      Map<String, Metrics> byType = new TreeMap<>();
      report.byLesionType().forEach((type, metrics) -> byType.put(type, Metrics.of(metrics)));
      return new Breakdown(Metrics.of(report.overall()), byType);
    }
  }

  /**
   * The metrics of a set of patches; a mean is null when no patch entered it.
   *
   * @param patches number of patches
   * @param averagePrecision by detection mode ({@code perSample}: the paper's; {@code perLesion}: connected
   *     components) and IoU threshold
   */
  record Metrics(
      int patches,
      int positivePatches,
      Mean iou,
      Mean dice,
      Mean iop,
      Mean ioa,
      double meanConfusedPixels,
      Map<String, Map<String, Double>> averagePrecision) {

    static Metrics of(SegmentationMetrics metrics) {
      Map<String, Map<String, Double>> ap = new LinkedHashMap<>();
      ap.put("perSample", apByThreshold(metrics, DetectionMode.PER_SAMPLE));
      ap.put("perLesion", apByThreshold(metrics, DetectionMode.PER_LESION));
      return new Metrics(
          metrics.sampleCount(),
          metrics.positiveCount(),
          Mean.of(metrics.iou()),
          Mean.of(metrics.dice()),
          Mean.of(metrics.iop()),
          Mean.of(metrics.ioa()),
          metrics.meanConfusedPixels(),
          ap);
    }

    private static Map<String, Double> apByThreshold(SegmentationMetrics metrics, DetectionMode mode) {
      Map<String, Double> byThreshold = new LinkedHashMap<>();
      for (double threshold : SegmentationSettings.DEFAULT.iouThresholds()) {
        byThreshold.put("iou" + threshold, metrics.averagePrecision(mode, threshold));
      }
      return byThreshold;
    }
  }

  /** A mean and how many patches entered it. */
  record Mean(double value, int count) {
    static Mean of(SegmentationMetrics.Mean mean) {
      return new Mean(mean.value(), mean.count());
    }
  }

  /**
   * Evaluates every abnormality of the positive images.
   *
   * @throws IOException when a probability map cannot be read
   * @throws LatentCadxException when a mask cannot be read
   */
  static SegmentationSection compute(EvaluationSet set, int patchSize)
      throws IOException, LatentCadxException {
    PatchSampler sampler = new PatchSampler(patchSize);
    MaskReader masks = new MaskReader();
    boolean latentKnown =
        set.positives().stream()
            .flatMap(positive -> positive.rows().stream())
            .allMatch(row -> row.latentMask().isPresent());
    SegmentationEvaluator evaluator = new SegmentationEvaluator(SegmentationSettings.DEFAULT);
    for (EvaluationSet.Positive positive : set.positives()) {
      ScoredImage image = positive.image();
      String mapName = image.result().outputs().probabilityMap();
      ProbabilityMap map = ProbabilityMapPng.read(image.sibling(mapName));
      List<GroundTruthRow> rows = positive.rows();
      for (GroundTruthRow row : rows) {
        Optional<MaskReader.Mask> latent =
            latentKnown ? Optional.of(masks.read(row.latentMask().orElseThrow())) : Optional.empty();
        evaluator.add(
            sampler.sample(
                row.type().label(),
                image.result().input().width(),
                image.result().input().height(),
                map,
                masks.read(row.roiMask()),
                latent));
      }
    }
    return new SegmentationSection(
        patchSize,
        Breakdown.of(evaluator.report()),
        evaluator.trueLesionReport().map(Breakdown::of).orElse(null));
  }
}
