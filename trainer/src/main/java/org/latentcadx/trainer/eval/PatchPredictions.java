package org.latentcadx.trainer.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.latentcadx.sdk.metrics.BootstrapIntervals;
import org.latentcadx.sdk.metrics.ConfidenceInterval;
import org.latentcadx.sdk.metrics.DetectionMode;
import org.latentcadx.sdk.metrics.SegmentationEvaluator;
import org.latentcadx.sdk.metrics.SegmentationMetrics;
import org.latentcadx.sdk.metrics.SegmentationReport;

/**
 * A model's predictions on held-out patches, and the paper-style tables computed from them with the
 * SDK's metrics.
 *
 * @param labels 1 for lesion patches
 * @param scores patch probabilities
 * @param types lesion-type key of each patch ({@code mass}, {@code calcification}, {@code normal})
 * @param segmentation the segmentation samples
 */
public record PatchPredictions(
    int[] labels, double[] scores, String[] types, SegmentationEvaluator segmentation) {

  private static final long BOOTSTRAP_SEED = 1;

  /**
   * Markdown rows: classification (ROC AUC and AP with bootstrap 95% intervals, all lesions and per
   * type against all normals) and segmentation (AP at IoU 0.3/0.5/0.7 per sample, mean IoU, IOP, IOA,
   * confused pixels) against the outlines and the latent truth, overall and per lesion type.
   */
  public String markdown(String model) {
    StringBuilder md = new StringBuilder();
    md.append("#### ").append(model).append("\n\n");
    md.append("| classification | patches (lesion / normal) | ROC AUC [95% CI] | AP [95% CI] |\n");
    md.append("| --- | --- | --- | --- |\n");
    for (String group : List.of("all", "mass", "calcification")) {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == 0 || group.equals("all") || types[i].equals(group)) {
          rows.add(i);
        }
      }
      int[] l = rows.stream().mapToInt(i -> labels[i]).toArray();
      double[] s = rows.stream().mapToDouble(i -> scores[i]).toArray();
      long positives = java.util.Arrays.stream(l).filter(v -> v == 1).count();
      if (positives == 0 || positives == l.length) {
        continue;
      }
      BootstrapIntervals ci = BootstrapIntervals.compute(l, s, BOOTSTRAP_SEED);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d / %d | %s | %s |%n",
              group,
              positives,
              l.length - positives,
              interval(ci.rocAuc()),
              interval(ci.averagePrecision())));
    }
    md.append("\n");
    md.append(
        "| segmentation vs | type | lesion patches | AP@0.3 | AP@0.5 | AP@0.7 | mean IoU | mean IOP |"
            + " mean IOA | confused pixels |\n");
    md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    appendSegmentation(md, "outline", segmentation.report());
    segmentation.trueLesionReport().ifPresent(r -> appendSegmentation(md, "latent truth", r));
    return md.toString();
  }

  private static void appendSegmentation(StringBuilder md, String reference, SegmentationReport r) {
    row(md, reference, "all", r.overall());
    for (Map.Entry<String, SegmentationMetrics> e : r.byLesionType().entrySet()) {
      if (!e.getKey().equals("normal")) {
        row(md, reference, e.getKey(), e.getValue());
      }
    }
  }

  private static void row(StringBuilder md, String reference, String type, SegmentationMetrics m) {
    Function<Double, String> ap =
        t -> number(m.averagePrecision(DetectionMode.PER_SAMPLE, t));
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %d | %s | %s | %s | %s | %s | %s | %.0f |%n",
            reference,
            type,
            m.positiveCount(),
            ap.apply(0.3),
            ap.apply(0.5),
            ap.apply(0.7),
            number(m.iou().value()),
            number(m.iop().value()),
            number(m.ioa().value()),
            m.meanConfusedPixels()));
  }

  private static String interval(ConfidenceInterval ci) {
    return String.format(
        Locale.ROOT, "%.3f [%.3f, %.3f]", ci.estimate(), ci.lower(), ci.upper());
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
  }
}
