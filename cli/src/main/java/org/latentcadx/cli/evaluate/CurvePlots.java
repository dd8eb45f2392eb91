package org.latentcadx.cli.evaluate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * ROC, precision-recall and FROC charts as PNG bytes (XChart): one colour per group in every chart,
 * legends below the plot so that they never hide a curve.
 */
final class CurvePlots {

  static final int WIDTH = 560;
  static final int HEIGHT = 600;

  /** Each group's colour, the same in every chart. */
  private static final Map<String, Color> COLOURS = Map.of(
      ClassificationGroups.ALL, new Color(31, 119, 180),
      "mass", new Color(214, 39, 40),
      "calcification", new Color(44, 160, 44));

  /** One curve of a chart, e.g. the ROC curve of the mass images, with its legend text. */
  record Curve(String group, String name, double[] x, double[] y) {}

  private CurvePlots() {}

  /** The ROC chart of {@code curves} (x: false positive rate, y: true positive rate). */
  static byte[] roc(List<Curve> curves) throws IOException {
    XYChart chart = chart("ROC", "False positive rate (1 - specificity)", "True positive rate (sensitivity)", 1.0);
    reference(chart, "chance", new double[] {0, 1}, new double[] {0, 1});
    return draw(chart, curves);
  }

  /**
   * The precision-recall chart of {@code curves} (x: recall, y: precision), drawn as steps, with the
   * prevalence of the {@code all} group: the precision of guessing.
   */
  static byte[] precisionRecall(List<Curve> curves, double prevalence) throws IOException {
    XYChart chart = chart("Precision-recall", "Recall (sensitivity)", "Precision (PPV)", 1.0);
    if (prevalence > 0) {
      reference(chart, String.format(java.util.Locale.ROOT, "prevalence %.2f", prevalence),
          new double[] {0, 1}, new double[] {prevalence, prevalence});
    }
    return draw(chart, curves);
  }

  /** The FROC chart (x: false-positive marks per image, y: lesion sensitivity). */
  static byte[] froc(List<Curve> curves, double maxFalsePositives) throws IOException {
    XYChart chart = chart("FROC", "False-positive marks per image", "Lesion sensitivity", maxFalsePositives);
    return draw(chart, curves);
  }

  private static XYChart chart(String title, String xTitle, String yTitle, double xMax) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(xMax).setYAxisMin(0.0).setYAxisMax(1.0);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
    return chart;
  }

  private static void reference(XYChart chart, String name, double[] x, double[] y) {
    chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY)
        .setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
  }

  private static byte[] draw(XYChart chart, List<Curve> curves) throws IOException {
    for (Curve curve : curves) {
      chart.addSeries(curve.name(), curve.x(), curve.y()).setMarker(SeriesMarkers.NONE)
          .setLineColor(COLOURS.getOrDefault(curve.group(), Color.DARK_GRAY));
    }
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }

  /**
   * A precision-recall curve as steps: each precision held from the previous recall to its own, as
   * average precision sums it; scikit-learn's closing point (recall 0, precision 1), which no threshold
   * reaches, is left out.
   */
  static double[][] steps(double[] recall, double[] precision) {
    int n = recall.length - 1; // the last point is the closing (0, 1)
    double[] x = new double[2 * n];
    double[] y = new double[2 * n];
    double previous = 0;
    for (int k = 0; k < n; k++) {
      int i = n - 1 - k; // recall ascending
      x[2 * k] = previous;
      y[2 * k] = precision[i];
      x[2 * k + 1] = recall[i];
      y[2 * k + 1] = precision[i];
      previous = recall[i];
    }
    return new double[][] {x, y};
  }
}
