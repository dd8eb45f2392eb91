package org.latentcadx.cli.evaluate;

import java.io.IOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** ROC and precision-recall charts as PNG bytes (XChart). */
final class CurvePlots {

  static final int WIDTH = 560;
  static final int HEIGHT = 480;

  /** One curve of a chart, e.g. the ROC curve of the mass images. */
  record Curve(String name, double[] x, double[] y) {}

  private CurvePlots() {}

  /** The ROC chart of {@code curves} (x: false positive rate, y: true positive rate). */
  static byte[] roc(List<Curve> curves) throws IOException {
    XYChart chart = chart("ROC", "False positive rate (1 - specificity)", "True positive rate (sensitivity)");
    chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1})
        .setMarker(SeriesMarkers.NONE)
        .setLineColor(java.awt.Color.LIGHT_GRAY);
    return draw(chart, curves, Styler.LegendPosition.InsideSE);
  }

  /** The precision-recall chart of {@code curves} (x: recall, y: precision). */
  static byte[] precisionRecall(List<Curve> curves) throws IOException {
    XYChart chart = chart("Precision-recall", "Recall (sensitivity)", "Precision (PPV)");
    return draw(chart, curves, Styler.LegendPosition.InsideSW);
  }

  private static XYChart chart(String title, String xTitle, String yTitle) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    return chart;
  }

  private static byte[] draw(XYChart chart, List<Curve> curves, Styler.LegendPosition legend)
      throws IOException {
    chart.getStyler().setLegendPosition(legend);
    for (Curve curve : curves) {
      chart.addSeries(curve.name(), curve.x(), curve.y()).setMarker(SeriesMarkers.NONE);
    }
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }
}
