package org.latentcadx.cli.evaluate;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The one-page {@code report.html}: tables of the metrics, the curve plots and the worst cases. */
final class HtmlReport {

  private static final Escaper HTML = HtmlEscapers.htmlEscaper();

  private HtmlReport() {}

  /** The page for {@code report}; images are referenced relative to the report's folder. */
  static String render(EvaluationReport report, String rocPng, String prPng, String frocPng) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<title>LatentCADx evaluation</title>\n<style>\n")
        .append("body{font-family:sans-serif;margin:1.5em;max-width:1200px}")
        .append("table{border-collapse:collapse;margin:.5em 0 1.5em}")
        .append("td,th{border:1px solid #bbb;padding:.25em .6em;text-align:right}")
        .append("th{background:#eee}td:first-child,th:first-child{text-align:left}")
        .append(".plots img{width:48%;margin-right:1%}.cases{display:flex;flex-wrap:wrap;gap:1em}")
        .append(".cases figure{margin:0;width:220px}.cases img{width:220px}")
        .append("figcaption{font-size:.85em}.warn{color:#a40}\n</style></head><body>\n");
    html.append("<h1>LatentCADx evaluation</h1>\n<p>Model <b>")
        .append(escape(report.model().name() + " " + report.model().version()))
        .append("</b> (SHA-256 <code>")
        .append(escape(report.model().sha256()))
        .append("</code>)")
        .append(report.model().intendedUse() == null ? ". "
            : ". Intended use: <i>" + escape(report.model().intendedUse()) + "</i> ")
        .append(report.counts().imagesWithLesions())
        .append(" image(s) with lesions (")
        .append(escape(typeCounts(report.counts().abnormalities())))
        .append("), ")
        .append(report.counts().normalImages())
        .append(" normal image(s)");
    if (report.counts().groundTruthImagesNotScored() > 0) {
      html.append("; ")
          .append(report.counts().groundTruthImagesNotScored())
          .append(" ground-truth image(s) had no score and were left out");
    }
    html.append(". Intervals: ")
        .append(report.bootstrap().replicates())
        .append(" bootstrap replicates, seed ")
        .append(report.bootstrap().seed())
        .append(", 95% percentile, resampling patients (the images of a patient named in the ground truth are")
        .append(" drawn together; each normal image is its own patient).</p>\n");

    html.append("<h2>Image classification</h2>\n<table><tr><th>group</th><th>lesion / normal</th>")
        .append("<th>ROC AUC [95% CI]</th><th>AP [95% CI]</th><th>F1 at ")
        .append(number(report.decisionThreshold()))
        .append("</th><th>sensitivity</th><th>specificity</th><th>best F1 (threshold)*</th></tr>\n");
    for (Map.Entry<String, ClassificationGroups.Group> entry : report.classification().entrySet()) {
      html.append("<tr><td>").append(escape(entry.getKey())).append("</td>");
      ClassificationReport metrics = entry.getValue().metrics();
      if (metrics == null) {
        html.append("<td colspan=\"7\">not available: ")
            .append(escape(entry.getValue().unavailable()))
            .append("</td></tr>\n");
        continue;
      }
      ClassificationReport.Decision decision = metrics.atDecisionThreshold();
      String used = metrics.bootstrapReplicatesUsed() == report.bootstrap().replicates() ? ""
          : "<br><small>" + metrics.bootstrapReplicatesUsed() + " of " + report.bootstrap().replicates()
              + " replicates had both classes</small>";
      html.append("<td>").append(metrics.positives()).append(" / ").append(metrics.negatives())
          .append(entry.getValue().warning() == null ? ""
              : "<br><small class=\"warn\">&#9888; " + escape(entry.getValue().warning()) + "</small>")
          .append("</td><td>").append(interval(metrics.rocAuc())).append(used)
          .append("</td><td>").append(interval(metrics.averagePrecision())).append(used)
          .append("</td><td>").append(number(decision.f1()))
          .append("</td><td>").append(number(decision.recall()))
          .append("</td><td>").append(number(decision.specificity()))
          .append("</td><td>").append(number(metrics.atBestF1().f1()))
          .append(" (").append(number(metrics.atBestF1().threshold())).append(")</td></tr>\n");
    }
    html.append("</table>\n<p><small>* The best-F1 threshold is chosen on these same images, so its F1 is"
        + " optimistic; choose operating points on separate data.</small></p>\n<div class=\"plots\"><img src=\"")
        .append(escape(rocPng))
        .append("\" alt=\"ROC curves\"><img src=\"")
        .append(escape(prPng))
        .append("\" alt=\"Precision-recall curves\"></div>\n");

    if (report.comparison() != null) {
      comparisonSection(html, report.comparison());
    }
    if (report.froc() != null) {
      frocSection(html, report.froc(), frocPng);
    }
    if (report.segmentation() != null) {
      segmentationTables(html, report.segmentation());
    }

    html.append("<h2>Worst cases</h2>\n<div class=\"cases\">\n");
    for (WorstCases.Case worst : report.worstCases()) {
      html.append("<figure>");
      if (worst.overlay() != null) {
        html.append("<a href=\"").append(escape(worst.overlay())).append("\"><img src=\"")
            .append(escape(worst.overlay())).append("\" alt=\"overlay\"></a>");
      }
      html.append("<figcaption><b>")
          .append(caseTitle(worst))
          .append("</b> p = ")
          .append(number(worst.imageProbability()))
          .append(worst.lesionTypes().isEmpty() ? "" : " (" + escape(String.join(", ", worst.lesionTypes())) + ")")
          .append("<br>")
          .append(escape(worst.file()))
          .append("</figcaption></figure>\n");
    }
    html.append("</div>\n<p>All numbers are in <code>metrics.json</code>.</p>\n</body></html>\n");
    return html.toString();
  }

  private static void comparisonSection(StringBuilder html, ModelComparison c) {
    html.append("<h2>Model comparison (DeLong)</h2>\n<table><tr><th>model</th><th>ROC AUC</th></tr>\n")
        .append("<tr><td>").append(escape(c.modelA().name() + " " + c.modelA().version())).append("</td><td>")
        .append(number(c.aucA())).append("</td></tr>\n<tr><td>")
        .append(escape(c.modelB().name() + " " + c.modelB().version())).append("</td><td>")
        .append(number(c.aucB())).append("</td></tr>\n</table>\n<p>Difference ")
        .append(number(c.difference())).append(" [95% CI ").append(number(c.differenceLower())).append(", ")
        .append(number(c.differenceUpper())).append("], z = ").append(number(c.z())).append(", p = ")
        .append(String.format(Locale.ROOT, "%.4g", c.pValue())).append(" (two-sided, equal AUCs), over ")
        .append(c.imagesWithLesions()).append(" image(s) with lesions and ").append(c.normalImages())
        .append(" normal scored by both")
        .append(c.imagesOnlyInA() == 0 ? "" : "; " + c.imagesOnlyInA() + " image(s) only the first model scored were left out")
        .append(".</p>\n");
  }

  private static void frocSection(StringBuilder html, Froc froc, String frocPng) {
    html.append("<h2>Lesion marks (FROC)</h2>\n<p>A mark hits an abnormality when the centre of its box lies")
        .append(" inside the abnormality's outline; false positives are marks that hit none, over all ")
        .append(froc.images()).append(" images. Marks exist from the lesion threshold up, so the curve")
        .append(" ends there.</p>\n<table><tr><th>group</th><th>abnormalities</th>");
    double[] rates = {0.25, 0.5, 1, 2};
    for (double rate : rates) {
      html.append("<th>sensitivity at ").append(rate).append(" FP/image</th>");
    }
    html.append("</tr>\n");
    froc.abnormalities().forEach((group, count) -> {
      html.append("<tr><td>").append(escape(group)).append("</td><td>").append(count).append("</td>");
      for (double rate : rates) {
        html.append("<td>").append(number(froc.sensitivityAt(group, rate))).append("</td>");
      }
      html.append("</tr>\n");
    });
    html.append("</table>\n<div class=\"plots\"><img src=\"").append(escape(frocPng))
        .append("\" alt=\"FROC curves\"></div>\n");
  }

  private static void segmentationTables(StringBuilder html, SegmentationSection section) {
    html.append("<h2>Segmentation (")
        .append(section.patchSize())
        .append("-pixel patches around each abnormality, threshold 0.5)</h2>\n");
    segmentationTable(html, "against the hand-drawn outlines", section.annotation());
    if (section.trueLesion() != null) {
      segmentationTable(html, "against the true (latent) lesions", section.trueLesion());
    }
  }

  private static void segmentationTable(
      StringBuilder html, String caption, SegmentationSection.Breakdown breakdown) {
    html.append("<table><caption>").append(escape(caption)).append("</caption>")
        .append("<tr><th>group</th><th>patches</th><th>IoU</th><th>Dice</th><th>IOP</th><th>IOA</th>")
        .append("<th>confused px</th><th>AP@0.3 per sample</th><th>AP@0.5 per sample</th>")
        .append("<th>AP@0.7 per sample</th></tr>\n");
    Map<String, SegmentationSection.Metrics> rows = new java.util.LinkedHashMap<>();
    rows.put("all", breakdown.all());
    rows.putAll(breakdown.byLesionType());
    rows.forEach(
        (group, metrics) -> {
          html.append("<tr><td>").append(escape(group)).append("</td><td>")
              .append(metrics.patches()).append("</td><td>")
              .append(number(metrics.iou().value())).append("</td><td>")
              .append(number(metrics.dice().value())).append("</td><td>")
              .append(number(metrics.iop().value())).append("</td><td>")
              .append(number(metrics.ioa().value())).append("</td><td>")
              .append(String.format(Locale.ROOT, "%.1f", metrics.meanConfusedPixels())).append("</td>");
          for (Double ap : metrics.averagePrecision().get("perSample").values()) {
            html.append("<td>").append(number(ap)).append("</td>");
          }
          html.append("</tr>\n");
        });
    html.append("</table>\n");
  }

  private static String caseTitle(WorstCases.Case worst) {
    boolean lesion = worst.kind() == WorstCases.Kind.LESION_SCORED_LOW;
    if (worst.wrong()) {
      return lesion ? "missed lesion" : "false alarm";
    }
    return lesion ? "lesion, scored low" : "normal, scored high";
  }

  private static String typeCounts(Map<String, Integer> abnormalities) {
    List<String> parts =
        abnormalities.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList();
    return String.join(", ", parts) + " abnormalities";
  }

  private static String interval(ClassificationReport.Interval interval) {
    return number(interval.estimate())
        + " [" + number(interval.lower()) + ", " + number(interval.upper()) + "]";
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
  }

  private static String escape(String text) {
    return HTML.escape(text);
  }
}
