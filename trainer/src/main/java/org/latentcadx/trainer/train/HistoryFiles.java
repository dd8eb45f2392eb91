package org.latentcadx.trainer.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** Writes the loss curves of a run as CSV and as a PNG plot. */
public final class HistoryFiles {
  /** Column names of the CSV, in order. */
  public static final String HEADER =
      "stage,epoch,learning_rate,train_total,train_ce,train_rpn,train_inb,train_oob,train_bce,train_pair,"
          + "val_total,val_ce,val_rpn,val_inb,val_oob,val_bce,val_pair,val_auc,val_ap,val_latent_iou,val_iop,"
          + "seconds";

  private HistoryFiles() {}

  public static void writeCsv(Path file, List<EpochRecord> history) throws IOException {
    try (PrintWriter out =
        new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      out.println(HEADER);
      for (EpochRecord r : history) {
        out.println(
            String.join(
                ",",
                r.stage().name(),
                Integer.toString(r.epoch()),
                number(r.learningRate()),
                terms(r.train()),
                terms(r.validation()),
                number(r.validationAuc()),
                number(r.validationAp()),
                number(r.validationLatentIou()),
                number(r.validationIop()),
                number(r.seconds())));
      }
    }
  }

  /** Training and validation total loss against the epoch count over all stages. */
  public static void writePlot(Path file, List<EpochRecord> history) throws IOException {
    if (history.isEmpty()) {
      return;
    }
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(500)
            .title("Loss per epoch (stages R, L1, L2 in turn)")
            .xAxisTitle("epoch (all stages)")
            .yAxisTitle("loss")
            .build();
    double[] x = IntStream.rangeClosed(1, history.size()).asDoubleStream().toArray();
    chart.addSeries("train", x, history.stream().mapToDouble(r -> r.train().total()).toArray());
    chart.addSeries(
        "validation", x, history.stream().mapToDouble(r -> r.validation().total()).toArray());
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private static String terms(LossValues v) {
    return String.join(
        ",", number(v.total()), number(v.ce()), number(v.rpn()), number(v.inb()), number(v.oob()),
        number(v.bce()), number(v.pair()));
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6g", value);
  }
}
