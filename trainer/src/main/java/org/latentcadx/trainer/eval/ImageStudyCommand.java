package org.latentcadx.trainer.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.latentcadx.sdk.Aggregation;
import org.latentcadx.sdk.DetectionResult;
import org.latentcadx.sdk.ImageFiles;
import org.latentcadx.sdk.Lesion;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.ModelSource;
import org.latentcadx.sdk.ProbabilityMap;
import org.latentcadx.sdk.metrics.BootstrapIntervals;
import org.latentcadx.sdk.metrics.ConfidenceInterval;
import org.latentcadx.trainer.data.CbisAbnormality;
import org.latentcadx.trainer.data.CbisDdsmReader;
import org.latentcadx.trainer.data.LesionType;
import org.latentcadx.trainer.data.NormalImage;
import org.latentcadx.trainer.data.PatchRecord;
import org.latentcadx.trainer.data.PatchStore;
import org.latentcadx.trainer.data.Side;
import org.latentcadx.trainer.data.SyntheticImages;
import org.latentcadx.trainer.data.View;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Whole mammograms through the SDK's {@link LesionDetector#detect}: image-level ROC AUC (lesion images
 * against normal ones), the share of lesion images whose highest map value lies inside an outline, and
 * lesion marks scored as in CAD evaluations: a mark is a connected region (8-connectivity) of the map at
 * or above a threshold, located at its highest value; it is a hit when that location lies inside a
 * lesion's outline, else a false positive. Reported: lesion sensitivity and false positives per image
 * at the model's decision threshold, and the best sensitivity with at most one false positive per
 * image over the thresholds 0.05, 0.10, …, 0.95. A mammogram with lesions of both types is one image
 * with the outlines of both, although CBIS-DDSM lists it twice (in a mass folder and in a calcification
 * folder, each copy with its own type's outlines): scored per copy, a mark on the other type's lesion
 * would count as a false positive, and a peak on it as outside every outline. Writes {@code images.md}
 * into the output folder, and per arm {@code scores-ARM.csv} (each image's probability, its map's
 * highest value, whether that lies inside an outline, and its lesion types) and {@code
 * threshold-ARM.txt}.
 */
@Command(
    name = "image-study",
    mixinStandardHelpOptions = true,
    description = "Score whole mammograms of a CBIS-DDSM-layout folder and report image-level results.")
public final class ImageStudyCommand implements Callable<Integer> {
  /** Mark thresholds swept for the best sensitivity at ≤ 1 false positive per image. */
  private static final int THRESHOLD_STEPS = 19;

  @Option(names = "--cbis-root", required = true, description = "Folder in the CBIS-DDSM layout, with normals/ (e.g. the test patients' synthetic images).")
  Path root;

  @Option(names = "--arm", required = true, arity = "1..*", description = "NAME=MODEL.onnx, one per model.")
  List<String> arms;

  @Option(names = "--upscale", defaultValue = "4", description = "Each pixel is repeated N×N before detection: the synthetic images are at the model's scale, and the SDK shrinks by the model's downsample factor (${DEFAULT-VALUE}).")
  int upscale;

  @Option(names = "--fold-store", description = "With --fold: use only the images of patients in that fold of this patch store (e.g. the validation fold, to choose a decision threshold).")
  Path foldStore;

  @Option(names = "--fold", description = "The fold of --fold-store whose patients' images are used.")
  Integer fold;

  @Option(names = "--lesion-images", defaultValue = "80", description = "Lesion images used, the first in file order (${DEFAULT-VALUE}).")
  int lesionImages;

  @Option(names = "--normal-images", defaultValue = "40", description = "Normal images used, the first in file order (${DEFAULT-VALUE}).")
  int normalImages;

  @Option(names = "--threads", defaultValue = "1", description = "ONNX Runtime threads (${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--output", required = true, description = "Output folder.")
  Path output;

  @Option(names = "--stride", description = "Tile stride in model-scale pixels (default: each model's own).")
  Integer stride;

  @Option(names = "--top-k", defaultValue = "1", description = "Image probability: the mean of the K largest tile probabilities (${DEFAULT-VALUE}: the maximum).")
  int topK;

  @Option(names = "--map-peak", description = "Rank images by the probability map's highest value instead of the image probability (tile aggregation), for the image ROC AUC.")
  boolean mapPeak;

  @Option(names = "--flip", description = "Also score the left-right mirrored image and average the two maps and image probabilities.")
  boolean flip;

  @Option(names = "--map-smoothing", description = "Gaussian sigma, map pixels, by which the SDK smooths each map before its peak and marks are taken (default: each model's latentcadx.map_smoothing_sigma, 0 when absent; onnx-models/STUDY.md, round 15).")
  Double mapSmoothing;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ImageStudyCommand()).execute(args));
  }

  /**
   * One mammogram (the first of its copies in file order) with the outlines of its lesions and their
   * types (none for a normal image).
   */
  private record TruthImage(Path file, List<boolean[]> outlines, int width, Set<LesionType> types) {
    /** The lesion types as written to the per-image scores: mass, calcification, mass+calcification. */
    String typeNames() {
      return types.stream().map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining("+"));
    }
  }

  /** A mammogram, whichever of CBIS-DDSM's per-lesion-type folders holds a copy of it. */
  private record Mammogram(String patientId, Side side, View view) {}


  @Override
  public Integer call() throws Exception {
    List<TruthImage> images = truth();
    StringBuilder md = new StringBuilder();
    long lesionImages = images.stream().filter(i -> !i.outlines().isEmpty()).count();
    long lesions = images.stream().mapToLong(i -> i.outlines().size()).sum();
    md.append(
        String.format(
            Locale.ROOT,
            "%d images (%d with %d lesions, %d normal), SDK `detect` with each model's own tiling;"
                + " images ranked by %s.%n%n",
            images.size(), lesionImages, lesions, images.size() - lesionImages,
            mapPeak ? "the map's highest value" : "the image probability (max aggregation)"));
    md.append(
        "| arm | image ROC AUC [95% CI] | peak inside an outline | sensitivity / FP per image at"
            + " threshold | sensitivity at ≤ 1 FP per image (mark threshold) |\n");
    md.append("| --- | --- | --- | --- | --- |\n");
    StringBuilder froc = new StringBuilder();
    froc.append("\nFROC points (lesion sensitivity / false-positive marks per image) by mark threshold:\n\n");
    froc.append("| arm |");
    for (int k = 1; k < THRESHOLD_STEPS; k += 2) {
      froc.append(String.format(Locale.ROOT, " %.1f |", 0.05 * (k + 1)));
    }
    froc.append("\n| --- |").append(" --- |".repeat(THRESHOLD_STEPS / 2)).append('\n');
    for (Map.Entry<String, Path> arm : ArmModels.parse(arms).entrySet()) {
      md.append(evaluate(arm.getKey(), arm.getValue(), images, lesions, froc)).append('\n');
      System.out.println("image-study: ran " + arm.getKey());
    }
    md.append(froc);
    Files.createDirectories(output);
    Files.writeString(output.resolve("images.md"), md);
    System.out.print(md);
    return 0;
  }

  /** The arm's row of the main table; appends its FROC row to {@code froc}. */
  private String evaluate(
      String name, Path model, List<TruthImage> images, long lesionCount, StringBuilder froc)
      throws Exception {
    int[] labels = new int[images.size()];
    double[] scores = new double[images.size()];
    int peaksInside = 0;
    // Per threshold (the decision threshold last): lesions hit and false-positive marks, summed.
    double[] thresholds = new double[THRESHOLD_STEPS + 1];
    long[] hits = new long[thresholds.length];
    long[] falsePositives = new long[thresholds.length];
    float decision;
    LesionDetector.Builder builder =
        LesionDetector.builder(ModelSource.path(model))
            .intraOpThreads(threads)
            .aggregation(topK == 1 ? Aggregation.max() : Aggregation.topKMean(topK));
    if (stride != null) {
      builder.stride(stride);
    }
    if (mapSmoothing != null) {
      builder.mapSmoothing(mapSmoothing);
    }
    StringBuilder perImage =
        new StringBuilder(
            "image,lesion_image,image_probability,map_peak,peak_in_outline,peak_distance,lesion_types\n");
    try (LesionDetector detector = builder.build()) {
      decision = detector.modelInfo().decisionThreshold();
      for (int k = 0; k < THRESHOLD_STEPS; k++) {
        thresholds[k] = 0.05 * (k + 1);
      }
      thresholds[THRESHOLD_STEPS] = decision;
      for (int i = 0; i < images.size(); i++) {
        TruthImage truth = images.get(i);
        DetectionResult result =
            detect(detector, SyntheticImages.upscaled(ImageFiles.read(truth.file()).image(), upscale));
        labels[i] = truth.outlines().isEmpty() ? 0 : 1;
        float[] map = result.probabilityMap().values();
        float mapMaximum = max(map);
        scores[i] = mapPeak ? mapMaximum : result.imageProbability();
        int width = result.probabilityMap().width();
        if (labels[i] == 1 && width != truth.width()) {
          throw new IllegalStateException(
              truth.file() + ": map is " + width + " wide, the outlines " + truth.width()
                  + "; choose --upscale as the model's downsample factor");
        }
        // For lesion images: whether the map's highest value lies in an outline, and how far (map
        // pixels) it lies from the nearest outline pixel (0 inside).
        String peakInOutline = "";
        String peakDistance = "";
        if (labels[i] == 1) {
          int peak = 0;
          for (int p = 1; p < map.length; p++) {
            peak = map[p] > map[peak] ? p : peak;
          }
          double distance = distanceToNearestOutline(truth.outlines(), width, peak);
          peakInOutline = distance == 0 ? "1" : "0";
          peakDistance = String.format(Locale.ROOT, "%.1f", distance);
          peaksInside += distance == 0 ? 1 : 0;
        }
        String relative =
            root.toAbsolutePath().relativize(truth.file().toAbsolutePath()).toString().replace('\\', '/');
        perImage.append(
            String.format(
                Locale.ROOT, "%s,%d,%.6f,%.6f,%s,%s,%s%n", relative, labels[i],
                result.imageProbability(), mapMaximum, peakInOutline, peakDistance, truth.typeNames()));
        for (int k = 0; k < thresholds.length; k++) {
          boolean[] found = new boolean[truth.outlines().size()];
          for (Lesion mark : result.probabilityMap().lesions(thresholds[k])) {
            int markPeak = mark.peakMapY() * width + mark.peakMapX();
            boolean hit = false;
            for (int l = 0; l < found.length; l++) {
              if (truth.outlines().get(l)[markPeak]) {
                found[l] = true;
                hit = true;
              }
            }
            falsePositives[k] += hit ? 0 : 1;
          }
          for (boolean f : found) {
            hits[k] += f ? 1 : 0;
          }
        }
      }
    }
    ConfidenceInterval auc = BootstrapIntervals.compute(labels, scores, 1).rocAuc();
    long lesionImages = Arrays.stream(labels).filter(l -> l == 1).count();
    int last = THRESHOLD_STEPS;
    double bestSensitivity = 0;
    double bestThreshold = Double.NaN;
    for (int k = 0; k < THRESHOLD_STEPS; k++) {
      double sensitivity = (double) hits[k] / lesionCount;
      if ((double) falsePositives[k] / images.size() <= 1 && sensitivity >= bestSensitivity
          && sensitivity > 0) {
        bestSensitivity = sensitivity;
        bestThreshold = thresholds[k];
      }
    }
    // The threshold a deployment would take from these images: the best sensitivity at ≤ 1 false
    // positive per image (written for the bundling script; choose it on validation images only).
    Files.createDirectories(output);
    Files.writeString(output.resolve("scores-" + name + ".csv"), perImage);
    Files.writeString(
        output.resolve("threshold-" + name + ".txt"),
        Double.isNaN(bestThreshold) ? "0.5\n" : String.format(Locale.ROOT, "%.2f%n", bestThreshold));
    froc.append("| ").append(name).append(" |");
    for (int k = 1; k < THRESHOLD_STEPS; k += 2) {
      froc.append(
          String.format(
              Locale.ROOT, " %.2f / %.2f |", (double) hits[k] / lesionCount,
              (double) falsePositives[k] / images.size()));
    }
    froc.append('\n');
    double[] atThreshold = {
      (double) hits[last] / lesionCount, (double) falsePositives[last] / images.size()
    };
    double threshold = decision;
    return String.format(
        Locale.ROOT,
        "| %s | %.3f [%.3f, %.3f] | %.3f (%d / %d) | %.3f / %.2f (%.2f) | %.3f (%s) |",
        name, auc.estimate(), auc.lower(), auc.upper(), (double) peaksInside / lesionImages,
        peaksInside, lesionImages, atThreshold[0], atThreshold[1], threshold, bestSensitivity,
        Double.isNaN(bestThreshold) ? "–" : String.format(Locale.ROOT, "%.2f", bestThreshold));
  }

  /** Euclidean distance from pixel {@code at} to the nearest pixel inside any outline; 0 inside one. */
  static double distanceToNearestOutline(List<boolean[]> outlines, int width, int at) {
    int x = at % width;
    int y = at / width;
    long nearest = Long.MAX_VALUE;
    for (boolean[] outline : outlines) {
      for (int p = 0; p < outline.length && nearest > 0; p++) {
        if (outline[p]) {
          long dx = p % width - x;
          long dy = p / width - y;
          nearest = Math.min(nearest, dx * dx + dy * dy);
        }
      }
    }
    return Math.sqrt(nearest);
  }

  private static float max(float[] values) {
    float max = Float.NEGATIVE_INFINITY;
    for (float value : values) {
      max = Math.max(max, value);
    }
    return max;
  }

  /** {@code detect}, averaged with the mirrored image's result when {@link #flip} is set. */
  private DetectionResult detect(LesionDetector detector, MammogramImage image) throws Exception {
    DetectionResult direct = detector.detect(image);
    if (!flip) {
      return direct;
    }
    DetectionResult mirrored =
        detector.detect(
            MammogramImage.ofFloats(
                image.width(), image.height(), mirrored(image.pixels(), image.width()),
                image.metadata()));
    ProbabilityMap a = direct.probabilityMap();
    float[] b = mirrored(mirrored.probabilityMap().values(), a.width());
    float[] values = a.values();
    for (int p = 0; p < values.length; p++) {
      values[p] = (values[p] + b[p]) / 2;
    }
    ProbabilityMap map =
        new ProbabilityMap(
            a.width(), a.height(), a.downsampleFactor(), a.originalWidth(), a.originalHeight(), values);
    return new DetectionResult(
        (direct.imageProbability() + mirrored.imageProbability()) / 2, map,
        map.lesions(detector.lesionThreshold()),
        direct.tileCount() * 2, direct.executionProvider(), direct.timings(), direct.model());
  }

  private static float[] mirrored(float[] pixels, int width) {
    float[] out = new float[pixels.length];
    for (int p = 0; p < pixels.length; p++) {
      int y = p / width;
      int x = p % width;
      out[p] = pixels[y * width + (width - 1 - x)];
    }
    return out;
  }

  private List<TruthImage> truth() throws Exception {
    Predicate<String> patientIncluded = patient -> true;
    if (foldStore != null && fold != null) {
      Set<String> patients =
          PatchStore.open(foldStore).records().stream()
              .filter(r -> r.fold() == fold)
              .map(PatchRecord::patientId)
              .collect(Collectors.toSet());
      patientIncluded = patients::contains;
    }
    Map<Mammogram, Path> files = new HashMap<>();
    Map<Mammogram, List<boolean[]>> outlines = new HashMap<>();
    Map<Mammogram, Integer> widths = new HashMap<>();
    Map<Mammogram, Set<LesionType>> types = new HashMap<>();
    for (CbisAbnormality a : CbisDdsmReader.read(root).abnormalities()) {
      if (!patientIncluded.test(a.patientId())) {
        continue;
      }
      MammogramImage mask = ImageFiles.read(a.roiMask()).image();
      float[] values = mask.pixels();
      boolean[] inside = new boolean[values.length];
      for (int p = 0; p < inside.length; p++) {
        inside[p] = values[p] > 0;
      }
      Mammogram mammogram = new Mammogram(a.patientId(), a.side(), a.view());
      files.merge(mammogram, a.image(), (x, y) -> x.compareTo(y) <= 0 ? x : y);
      outlines.computeIfAbsent(mammogram, k -> new ArrayList<>()).add(inside);
      widths.put(mammogram, mask.width());
      types.computeIfAbsent(mammogram, k -> EnumSet.noneOf(LesionType.class)).add(a.type());
    }
    List<TruthImage> images = new ArrayList<>();
    files.keySet().stream()
        .sorted(Comparator.comparing(files::get))
        .limit(lesionImages)
        .forEach(m -> images.add(new TruthImage(files.get(m), outlines.get(m), widths.get(m), types.get(m))));
    final Predicate<String> included = patientIncluded;
    NormalImage.scan(root.resolve("normals")).stream()
        .filter(normal -> included.test(normal.patientId()))
        .map(NormalImage::file)
        .sorted()
        .limit(normalImages)
        .forEach(file -> images.add(new TruthImage(file, List.of(), 0, Set.of())));
    return images;
  }
}
