package org.latentcadx.cli.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.latentcadx.cli.io.AtomicFiles;
import org.latentcadx.cli.io.CsvTable;

/**
 * The evaluation's data as CSV, for other tools: {@code images.csv} (one row per image: file, label,
 * lesion types, score) and, per group with metrics, the ROC and precision-recall curve coordinates with
 * their thresholds ({@code curves/roc-<group>.csv}, {@code curves/pr-<group>.csv}), and the FROC
 * operating points ({@code curves/froc.csv}).
 */
final class Exports {

  private Exports() {}

  static void write(Path output, EvaluationSet set, Map<String, ClassificationGroups.Group> groups, Froc froc)
      throws IOException {
    if (froc != null) {
      List<String> header = new java.util.ArrayList<>(List.of("threshold", "false_positives_per_image"));
      froc.abnormalities().keySet().forEach(group -> header.add("sensitivity_" + group));
      CsvTable table = new CsvTable(header);
      for (Froc.Point point : froc.points()) {
        List<String> row = new java.util.ArrayList<>(List.of(number(point.threshold()), number(point.falsePositivesPerImage())));
        froc.abnormalities().keySet().forEach(group -> row.add(number(point.sensitivity().get(group))));
        table.add(row);
      }
      AtomicFiles.write(output.resolve("curves/froc.csv"), table.toBytes());
    }
    CsvTable images = new CsvTable(List.of("file", "label", "lesion_types", "image_probability"));
    for (EvaluationSet.Positive positive : set.positives()) {
      TreeSet<String> types = new TreeSet<>();
      positive.types().forEach(type -> types.add(type.label()));
      images.add(List.of(positive.image().result().input().file(), "1", String.join(";", types),
          number(positive.image().result().imageProbability())));
    }
    for (ScoredImage negative : set.negatives()) {
      images.add(List.of(negative.result().input().file(), "0", "", number(negative.result().imageProbability())));
    }
    AtomicFiles.write(output.resolve("images.csv"), images.toBytes());
    for (Map.Entry<String, ClassificationGroups.Group> group : groups.entrySet()) {
      ClassificationReport metrics = group.getValue().metrics();
      if (metrics == null) {
        continue;
      }
      CsvTable roc = new CsvTable(List.of("false_positive_rate", "true_positive_rate", "threshold"));
      double[] fpr = metrics.roc().falsePositiveRates();
      for (int i = 0; i < fpr.length; i++) {
        roc.add(List.of(number(fpr[i]), number(metrics.roc().truePositiveRates()[i]),
            number(metrics.roc().thresholds()[i])));
      }
      AtomicFiles.write(output.resolve("curves/roc-" + group.getKey() + ".csv"), roc.toBytes());
      CsvTable pr = new CsvTable(List.of("recall", "precision", "threshold"));
      double[] recall = metrics.precisionRecall().recall();
      double[] thresholds = metrics.precisionRecall().thresholds();
      for (int i = 0; i < recall.length; i++) {
        pr.add(List.of(number(recall[i]), number(metrics.precisionRecall().precision()[i]),
            i < thresholds.length ? number(thresholds[i]) : ""));
      }
      AtomicFiles.write(output.resolve("curves/pr-" + group.getKey() + ".csv"), pr.toBytes());
    }
  }

  private static String number(double value) {
    return Double.isInfinite(value) ? (value > 0 ? "inf" : "-inf") : String.format(Locale.ROOT, "%.6f", value);
  }
}
