package org.latentcadx.trainer.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.latentcadx.sdk.metrics.BootstrapIntervals;
import org.latentcadx.sdk.metrics.ConfidenceInterval;
import org.latentcadx.sdk.metrics.RocCurve;
import org.latentcadx.trainer.data.LesionType;
import org.latentcadx.trainer.data.PatchStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Compares trained models ("arms") on a test set of patients that no arm was trained or tuned on,
 * against the latent (true) lesion: patch classification with bootstrap intervals, per lesion type the
 * mask's IoU and IOP with the latent lesion (and, for calcifications, with the cluster's hull), pixel
 * AUC (latent lesion vs its in-outline margin), confused pixels, and paired differences against the
 * baseline arm with patient-clustered bootstrap intervals. Every arm is read at the fixed mask
 * threshold 0.5 and at the threshold that maximises its mean IoU with the <em>outline</em> on the
 * validation fold (what a user without latent truth could choose). Writes {@code study.md}, {@code
 * lesions.csv} (every lesion's scores) and {@code figure.png}.
 */
@Command(
    name = "study",
    mixinStandardHelpOptions = true,
    description = "Compare models against the latent lesion on a held-out test set of patients.")
public final class StudyCommand implements Callable<Integer> {
  private static final long SEED = 1;
  private static final double FIXED_THRESHOLD = 0.5;

  @Option(names = "--store", required = true, description = "Training patch store (its validation fold chooses thresholds).")
  Path store;

  @Option(names = "--validation-fold", defaultValue = "0", description = "Validation fold of --store (${DEFAULT-VALUE}).")
  int validationFold;

  @Option(names = "--test-store", required = true, description = "Patch store of the test patients (all of it is tested).")
  Path testStore;

  @Option(names = "--arm", required = true, arity = "1..*", description = "NAME=MODEL.onnx, one per model; the first is the baseline the others are paired against.")
  List<String> arms;

  @Option(names = "--figure-arms", arity = "1..*", description = "Arms shown in the figure (default: all).")
  List<String> figureArms;

  @Option(names = "--figure-lesions", defaultValue = "12", description = "Test lesions in the figure, half masses, half calcifications (${DEFAULT-VALUE}).")
  int figureLesions;

  @Option(names = "--output", required = true, description = "Output folder.")
  Path output;

  public static void main(String[] args) {
    System.exit(new CommandLine(new StudyCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Map<String, Path> models = ArmModels.parse(arms);
    PatchStore train = PatchStore.open(store);
    PatchStore test = PatchStore.open(testStore);
    StudySet validation = StudySet.of("validation", train, train.indicesInFolds(validationFold));
    StudySet testSet = StudySet.of("test", test, IntStream.range(0, test.size()).toArray());
    Map<String, ArmOutputs> validationOutputs = new LinkedHashMap<>();
    Map<String, ArmOutputs> testOutputs = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : models.entrySet()) {
      byte[] model = Files.readAllBytes(e.getValue());
      validationOutputs.put(e.getKey(), ArmOutputs.run(model, validation));
      testOutputs.put(e.getKey(), ArmOutputs.run(model, testSet));
      System.out.println("study: ran " + e.getKey());
    }
    Files.createDirectories(output);
    StringBuilder md = new StringBuilder();
    Map<String, Double> thresholds = new LinkedHashMap<>();
    for (String arm : models.keySet()) {
      thresholds.put(arm, outlineThreshold(validation, validationOutputs.get(arm)));
    }
    describeSets(md, validation, testSet, thresholds);
    selection(md, validation, validationOutputs, thresholds);
    classification(md, testSet, testOutputs);
    String[] lesionTypes = {"mass", "calcification"};
    Map<String, Map<Double, List<LesionMaskScores>>> scores = new LinkedHashMap<>();
    for (String arm : models.keySet()) {
      Map<Double, List<LesionMaskScores>> byThreshold = new LinkedHashMap<>();
      for (double t : List.of(FIXED_THRESHOLD, thresholds.get(arm))) {
        byThreshold.put(t, score(testSet, testOutputs.get(arm), t));
      }
      scores.put(arm, byThreshold);
    }
    for (boolean chosen : new boolean[] {false, true}) {
      segmentation(md, testSet, testOutputs, scores, thresholds, lesionTypes, chosen);
      pairedDifferences(md, testSet, scores, thresholds, lesionTypes, chosen);
    }
    Files.writeString(output.resolve("study.md"), md);
    writeLesionCsv(output.resolve("lesions.csv"), testSet, scores, thresholds);
    List<String> shown = figureArms != null ? figureArms : new ArrayList<>(models.keySet());
    FigureGrid.write(
        output.resolve("figure.png"),
        testSet,
        figureRows(testSet),
        shown,
        shown.stream().map(a -> testOutputs.get(a).lesionMasks()).toList());
    System.out.print(md);
    return 0;
  }

  /** The mask threshold (0.01 … 0.99) with the highest mean IoU against the outline on validation. */
  static double outlineThreshold(StudySet validation, ArmOutputs outputs) {
    double best = FIXED_THRESHOLD;
    double bestIou = -1;
    for (int k = 1; k <= 99; k++) {
      double t = k * 0.01;
      double sum = 0;
      for (int j = 0; j < validation.lesionPositions.length; j++) {
        sum += LesionMaskScores.outlineIou(outputs.lesionMasks()[j], validation.outlines[j], t);
      }
      if (sum > bestIou) {
        bestIou = sum;
        best = t;
      }
    }
    return Math.round(best * 100) / 100.0;
  }

  /**
   * The validation fold's numbers that model selection may use (the test set stays untouched): mean
   * latent IoU at 0.5 and at the arm's chosen threshold, pixel AUC and patch ROC AUC.
   */
  private static void selection(
      StringBuilder md, StudySet validation, Map<String, ArmOutputs> outputs,
      Map<String, Double> thresholds) {
    md.append("### Model selection (validation fold only)\n\n");
    md.append(
        "| arm | patch ROC AUC | type | latent IoU at 0.5 | latent IoU at chosen threshold |"
            + " hull IoU at chosen threshold | pixel AUC |\n");
    md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
    for (Map.Entry<String, ArmOutputs> e : outputs.entrySet()) {
      int[] labels =
          IntStream.range(0, validation.size()).map(k -> validation.record(k).label()).toArray();
      double auc = RocCurve.of(labels, e.getValue().probabilities()).auc();
      List<LesionMaskScores> fixed = score(validation, e.getValue(), FIXED_THRESHOLD);
      List<LesionMaskScores> chosen = score(validation, e.getValue(), thresholds.get(e.getKey()));
      for (String type : List.of("mass", "calcification")) {
        int[] rows = lesionsOfType(validation, type);
        md.append(
            String.format(
                Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", e.getKey(), format(auc), type,
                format(mean(values(fixed, rows, LesionMaskScores::latentIou))),
                format(mean(values(chosen, rows, LesionMaskScores::latentIou))),
                format(mean(values(chosen, rows, LesionMaskScores::hullIou))),
                format(mean(values(fixed, rows, LesionMaskScores::pixelAuc)))));
      }
    }
    md.append("\n");
  }

  private static List<LesionMaskScores> score(StudySet set, ArmOutputs outputs, double threshold) {
    List<LesionMaskScores> list = new ArrayList<>();
    for (int j = 0; j < set.lesionPositions.length; j++) {
      list.add(
          LesionMaskScores.of(
              outputs.lesionMasks()[j], set.outlines[j], set.latents[j], set.hulls[j], threshold));
    }
    return list;
  }

  private static void describeSets(
      StringBuilder md, StudySet validation, StudySet test, Map<String, Double> thresholds) {
    md.append("### Sets\n\n");
    for (StudySet set : List.of(validation, test)) {
      long patients = IntStream.range(0, set.size()).mapToObj(k -> set.record(k).patientId()).distinct().count();
      md.append(
          String.format(
              Locale.ROOT,
              "- %s: %d patients, %d patches (%d mass, %d calcification, %d normal)%n",
              set.name, patients, set.size(), count(set, LesionType.MASS),
              count(set, LesionType.CALCIFICATION), count(set, LesionType.NORMAL)));
    }
    md.append("- mask thresholds chosen on validation against the outline: ");
    md.append(
        String.join(
            ", ",
            thresholds.entrySet().stream()
                .map(e -> e.getKey() + " " + format(e.getValue()))
                .toList()));
    md.append("\n\n");
  }

  private static long count(StudySet set, LesionType type) {
    return IntStream.range(0, set.size()).filter(k -> set.record(k).type() == type).count();
  }

  private static void classification(
      StringBuilder md, StudySet set, Map<String, ArmOutputs> outputs) {
    md.append("### Patch classification (test)\n\n");
    md.append("| arm | group | ROC AUC [95% CI] | AP [95% CI] |\n| --- | --- | --- | --- |\n");
    for (Map.Entry<String, ArmOutputs> e : outputs.entrySet()) {
      for (String group : List.of("all", "mass", "calcification")) {
        int[] rows =
            IntStream.range(0, set.size())
                .filter(k -> set.record(k).label() == 0 || group.equals("all")
                    || typeKey(set.record(k).type()).equals(group))
                .toArray();
        int[] labels = Arrays.stream(rows).map(k -> set.record(k).label()).toArray();
        double[] s = Arrays.stream(rows).mapToDouble(k -> e.getValue().probabilities()[k]).toArray();
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        if (positives == 0 || positives == labels.length) {
          continue;
        }
        BootstrapIntervals ci = BootstrapIntervals.compute(labels, s, SEED);
        md.append(
            String.format(
                Locale.ROOT, "| %s | %s | %s | %s |%n", e.getKey(), group, interval(ci.rocAuc()),
                interval(ci.averagePrecision())));
      }
    }
    md.append("\n");
  }

  private static void segmentation(
      StringBuilder md,
      StudySet set,
      Map<String, ArmOutputs> outputs,
      Map<String, Map<Double, List<LesionMaskScores>>> scores,
      Map<String, Double> thresholds,
      String[] lesionTypes,
      boolean chosen) {
    md.append(
        chosen
            ? "### Masks against the latent lesion (test), threshold chosen on validation vs the outline\n\n"
            : "### Masks against the latent lesion (test), fixed threshold 0.5\n\n");
    md.append(
        "| arm | type | lesions | threshold | latent IoU [95% CI] | latent IOP | hull IoU | hull IOP |"
            + " outline IoU | pixel AUC [95% CI] | confused pixels | empty masks | normal pixels ≥ 0.5 |\n");
    md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (String arm : scores.keySet()) {
      double t = chosen ? thresholds.get(arm) : FIXED_THRESHOLD;
      List<LesionMaskScores> list = scores.get(arm).get(t);
      for (String type : lesionTypes) {
        int[] rows = lesionsOfType(set, type);
        ClusterBootstrap bootstrap = new ClusterBootstrap(patients(set, rows), SEED);
        double[] iou = values(list, rows, LesionMaskScores::latentIou);
        double[] auc = values(list, rows, LesionMaskScores::pixelAuc);
        long empty = Arrays.stream(rows).filter(j -> Double.isNaN(list.get(j).latentIop())).count();
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %.0f | %d | %s |%n",
                arm, type, rows.length, format(t),
                interval(bootstrap.mean(iou)),
                format(mean(values(list, rows, LesionMaskScores::latentIop))),
                format(mean(values(list, rows, LesionMaskScores::hullIou))),
                format(mean(values(list, rows, LesionMaskScores::hullIop))),
                format(mean(values(list, rows, LesionMaskScores::outlineIou))),
                interval(bootstrap.mean(auc)),
                mean(values(list, rows, s -> s.confused())),
                empty,
                chosen ? "" : String.format(Locale.ROOT, "%.2f %%", 100 * outputs.get(arm).normalPixelsAbove())));
      }
    }
    md.append("\n");
  }

  private static void pairedDifferences(
      StringBuilder md,
      StudySet set,
      Map<String, Map<Double, List<LesionMaskScores>>> scores,
      Map<String, Double> thresholds,
      String[] lesionTypes,
      boolean chosen) {
    List<String> names = new ArrayList<>(scores.keySet());
    String baseline = names.get(0);
    md.append(
        "Paired differences against " + baseline + " (arm − baseline, same lesions, patient-clustered"
            + " bootstrap 95% CI" + (chosen ? ", each at its chosen threshold" : ", threshold 0.5")
            + "):\n\n");
    md.append(
        "| arm | type | Δ latent IoU [95% CI] | Δ latent IOP [95% CI] | Δ hull IoU [95% CI] |"
            + " Δ pixel AUC [95% CI] | Δ confused pixels |\n");
    md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
    double tb = chosen ? thresholds.get(baseline) : FIXED_THRESHOLD;
    List<LesionMaskScores> base = scores.get(baseline).get(tb);
    for (String arm : names.subList(1, names.size())) {
      double t = chosen ? thresholds.get(arm) : FIXED_THRESHOLD;
      List<LesionMaskScores> list = scores.get(arm).get(t);
      for (String type : lesionTypes) {
        int[] rows = lesionsOfType(set, type);
        ClusterBootstrap bootstrap = new ClusterBootstrap(patients(set, rows), SEED);
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %+.0f |%n",
                arm, type,
                interval(difference(bootstrap, list, base, rows, LesionMaskScores::latentIou)),
                interval(difference(bootstrap, list, base, rows, LesionMaskScores::latentIop)),
                interval(difference(bootstrap, list, base, rows, LesionMaskScores::hullIou)),
                interval(difference(bootstrap, list, base, rows, LesionMaskScores::pixelAuc)),
                mean(values(list, rows, s -> s.confused())) - mean(values(base, rows, s -> s.confused()))));
      }
    }
    md.append("\n");
  }

  private static ConfidenceInterval difference(
      ClusterBootstrap bootstrap,
      List<LesionMaskScores> arm,
      List<LesionMaskScores> baseline,
      int[] rows,
      ToDoubleFunction<LesionMaskScores> metric) {
    return bootstrap.pairedDifference(values(arm, rows, metric), values(baseline, rows, metric));
  }

  private static void writeLesionCsv(
      Path file,
      StudySet set,
      Map<String, Map<Double, List<LesionMaskScores>>> scores,
      Map<String, Double> thresholds)
      throws IOException {
    StringBuilder csv =
        new StringBuilder(
            "arm,threshold,patient,type,source_image,probability_rank,latent_iou,latent_iop,hull_iou,"
                + "hull_iop,outline_iou,pixel_auc,confused\n");
    for (Map.Entry<String, Map<Double, List<LesionMaskScores>>> arm : scores.entrySet()) {
      for (Map.Entry<Double, List<LesionMaskScores>> t : arm.getValue().entrySet()) {
        for (int j = 0; j < set.lesionPositions.length; j++) {
          var record = set.record(set.lesionPositions[j]);
          LesionMaskScores s = t.getValue().get(j);
          csv.append(
              String.join(
                  ",",
                  arm.getKey(), format(t.getKey()), record.patientId(), typeKey(record.type()),
                  record.sourceImage(), Integer.toString(j), format(s.latentIou()),
                  format(s.latentIop()), format(s.hullIou()), format(s.hullIop()),
                  format(s.outlineIou()), format(s.pixelAuc()), Long.toString(s.confused())))
              .append('\n');
        }
      }
    }
    Files.writeString(file, csv);
  }

  /** Every k-th mass and calcification of the test set, k chosen to spread them over the set. */
  private List<Integer> figureRows(StudySet set) {
    List<Integer> rows = new ArrayList<>();
    for (String type : List.of("mass", "calcification")) {
      int[] of = lesionsOfType(set, type);
      int wanted = Math.min(of.length, (figureLesions + 1) / 2);
      for (int i = 0; i < wanted; i++) {
        rows.add(of[(int) ((long) i * of.length / wanted)]);
      }
    }
    return rows;
  }

  /** Positions in the lesion arrays of the lesions of {@code type}. */
  private static int[] lesionsOfType(StudySet set, String type) {
    return IntStream.range(0, set.lesionPositions.length)
        .filter(j -> typeKey(set.record(set.lesionPositions[j]).type()).equals(type))
        .toArray();
  }

  private static String[] patients(StudySet set, int[] rows) {
    return Arrays.stream(rows)
        .mapToObj(j -> set.record(set.lesionPositions[j]).patientId())
        .toArray(String[]::new);
  }

  private static double[] values(
      List<LesionMaskScores> list, int[] rows, ToDoubleFunction<LesionMaskScores> metric) {
    return Arrays.stream(rows).mapToDouble(j -> metric.applyAsDouble(list.get(j))).toArray();
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
  }

  private static String typeKey(LesionType type) {
    return PatchEvaluator.typeKey(type);
  }

  private static String interval(ConfidenceInterval ci) {
    return format(ci.estimate()) + " [" + format(ci.lower()) + ", " + format(ci.upper()) + "]";
  }

  private static String format(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
  }
}
