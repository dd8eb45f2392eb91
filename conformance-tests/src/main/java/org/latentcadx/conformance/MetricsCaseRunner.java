package org.latentcadx.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.latentcadx.sdk.metrics.ConfusionMatrix;
import org.latentcadx.sdk.metrics.PrecisionRecallCurve;
import org.latentcadx.sdk.metrics.RocCurve;

/**
 * Metrics cases: the SDK's classification metrics on a small set of image probabilities and labels,
 * against scikit-learn. Inputs: {@code input_0.pb} scores [n] (float64), {@code input_1.pb} labels [n]
 * (int64, 0/1), {@code input_2.pb} decision threshold [] (float64). Outputs, in {@link #OUTPUTS} order.
 */
final class MetricsCaseRunner {

  /** The output names, {@code output_K.pb} holding the K-th. */
  static final List<String> OUTPUTS =
      List.of(
          "roc_auc",
          "average_precision",
          "roc_fpr",
          "roc_tpr",
          "confusion_tp_fp_tn_fn",
          "precision_recall_f1_specificity");

  private MetricsCaseRunner() {}

  static List<CheckResult> run(GoldenFiles files, String caseFolder, int dataSets) {
    List<CheckResult> results = new ArrayList<>();
    for (int set = 0; set < dataSets; set++) {
      String name = caseFolder + "/test_data_set_" + set;
      double[] scores = input(files, caseFolder, set, 0).values();
      int[] labels = Arrays.stream(input(files, caseFolder, set, 1).longs()).mapToInt(Math::toIntExact).toArray();
      double threshold = input(files, caseFolder, set, 2).values()[0];
      RocCurve roc = RocCurve.of(labels, scores);
      ConfusionMatrix confusion = ConfusionMatrix.atThreshold(labels, scores, threshold);
      List<Tensor> actual =
          List.of(
              scalar(roc.auc()),
              scalar(PrecisionRecallCurve.of(labels, scores).averagePrecision()),
              vector(roc.falsePositiveRates()),
              vector(roc.truePositiveRates()),
              Tensor.ofLongs(
                  new long[] {4},
                  new long[] {
                    confusion.truePositives(),
                    confusion.falsePositives(),
                    confusion.trueNegatives(),
                    confusion.falseNegatives()
                  }),
              vector(
                  new double[] {
                    confusion.precision(), confusion.recall(), confusion.f1(), confusion.specificity()
                  }));
      for (int k = 0; k < OUTPUTS.size(); k++) {
        String file = GoldenFormat.output(caseFolder, set, k);
        TolerancePolicy policy =
            actual.get(k).type() == Tensor.ElementType.INT64 ? TolerancePolicy.EXACT : TolerancePolicy.METRIC;
        results.add(
            TensorComparison.compare(
                name,
                OUTPUTS.get(k),
                TensorFiles.read(files.read(file), file),
                actual.get(k),
                policy.tolerance(false)));
      }
    }
    return results;
  }

  private static Tensor input(GoldenFiles files, String caseFolder, int set, int k) {
    String file = GoldenFormat.input(caseFolder, set, k);
    return TensorFiles.read(files.read(file), file);
  }

  private static Tensor scalar(double value) {
    return Tensor.ofDoubles(new long[0], new double[] {value});
  }

  private static Tensor vector(double[] values) {
    return Tensor.ofDoubles(new long[] {values.length}, values);
  }
}
