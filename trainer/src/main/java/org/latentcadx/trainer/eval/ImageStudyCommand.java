package org.latentcadx.trainer.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentcadx.sdk.DetectionResult;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.ModelSource;
import org.latentcadx.sdk.metrics.BootstrapIntervals;
import org.latentcadx.sdk.metrics.ConfidenceInterval;
import org.latentcadx.trainer.data.CbisAbnormality;
import org.latentcadx.trainer.data.CbisDdsmReader;
import org.latentcadx.trainer.data.GreyPng;
import org.latentcadx.trainer.data.NormalImage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Whole mammograms through the SDK's {@link LesionDetector#detect}: image-level ROC AUC (lesion images
 * against normal ones), the share of lesion images whose highest map value lies inside an outline, and
 * lesion marks scored as in CAD evaluations (a mark is a hit when the centre of its box lies inside a
 * lesion's outline; other marks are false positives): lesion sensitivity at the model's lesion
 * threshold, and the best sensitivity at no more than one false-positive mark per image over mark
 * thresholds. Writes {@code images.md} into the output folder.
 */
@Command(
    name = "image-study",
    mixinStandardHelpOptions = true,
    description = "Score whole mammograms of a CBIS-DDSM-layout folder and report image-level results.")
public final class ImageStudyCommand implements Callable<Integer> {
  /** Marks are extracted down to this map value, so that sensitivity can be read at any threshold above. */
  private static final float MARK_FLOOR = 0.1f;

  @Option(names = "--cbis-root", required = true, description = "Folder in the CBIS-DDSM layout, with normals/ (e.g. the test patients' synthetic images).")
  Path root;

  @Option(names = "--arm", required = true, arity = "1..*", description = "NAME=MODEL.onnx, one per model.")
  List<String> arms;

  @Option(names = "--upscale", defaultValue = "4", description = "Each pixel is repeated N×N before detection: the synthetic images are at the model's scale, and the SDK shrinks by the model's downsample factor (${DEFAULT-VALUE}).")
  int upscale;

  @Option(names = "--lesion-images", defaultValue = "80", description = "Lesion images used, the first in file order (${DEFAULT-VALUE}).")
  int lesionImages;

  @Option(names = "--normal-images", defaultValue = "40", description = "Normal images used, the first in file order (${DEFAULT-VALUE}).")
  int normalImages;

  @Option(names = "--threads", defaultValue = "1", description = "ONNX Runtime threads (${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--output", required = true, description = "Output folder.")
  Path output;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ImageStudyCommand()).execute(args));
  }

  /** One image with the outlines of its lesions (none for a normal image). */
  private record TruthImage(Path file, List<boolean[]> outlines, int width) {}

  /** A lesion mark: its score and the lesion it hits (−1 for none). */
  private record Mark(double score, int image, int lesion) {}

  @Override
  public Integer call() throws Exception {
    List<TruthImage> images = truth();
    StringBuilder md = new StringBuilder();
    long lesionImages = images.stream().filter(i -> !i.outlines().isEmpty()).count();
    long lesions = images.stream().mapToLong(i -> i.outlines().size()).sum();
    md.append(
        String.format(
            Locale.ROOT,
            "%d images (%d with %d lesions, %d normal), SDK `detect` with each model's own tiling,"
                + " max aggregation.%n%n",
            images.size(), lesionImages, lesions, images.size() - lesionImages));
    md.append(
        "| arm | image ROC AUC [95% CI] | peak inside an outline | sensitivity / FP per image at"
            + " threshold | sensitivity at ≤ 1 FP per image (mark threshold) |\n");
    md.append("| --- | --- | --- | --- | --- |\n");
    for (String arm : arms) {
      int eq = arm.indexOf('=');
      String name = arm.substring(0, eq);
      md.append(evaluate(name, Path.of(arm.substring(eq + 1)), images, lesions)).append('\n');
      System.out.println("image-study: ran " + name);
    }
    Files.createDirectories(output);
    Files.writeString(output.resolve("images.md"), md);
    System.out.print(md);
    return 0;
  }

  private String evaluate(String name, Path model, List<TruthImage> images, long lesionCount)
      throws Exception {
    int[] labels = new int[images.size()];
    double[] scores = new double[images.size()];
    int peaksInside = 0;
    List<Mark> marks = new ArrayList<>();
    float threshold;
    try (LesionDetector detector =
        LesionDetector.builder(ModelSource.path(model))
            .intraOpThreads(threads)
            .lesionThreshold(MARK_FLOOR)
            .build()) {
      threshold = (float) detector.modelInfo().decisionThreshold();
      for (int i = 0; i < images.size(); i++) {
        TruthImage truth = images.get(i);
        DetectionResult result = detector.detect(upscaled(MammogramImage.read(truth.file())));
        labels[i] = truth.outlines().isEmpty() ? 0 : 1;
        scores[i] = result.imageProbability();
        float[] map = result.probabilityMap().values();
        if (labels[i] == 1 && result.probabilityMap().width() != truth.width()) {
          throw new IllegalStateException(
              truth.file() + ": map is " + result.probabilityMap().width() + " wide, the outlines "
                  + truth.width() + "; choose --upscale as the model's downsample factor");
        }
        if (labels[i] == 1) {
          int peak = 0;
          for (int p = 1; p < map.length; p++) {
            peak = map[p] > map[peak] ? p : peak;
          }
          final int at = peak;
          peaksInside += truth.outlines().stream().anyMatch(o -> o[at]) ? 1 : 0;
        }
        for (var lesion : result.lesions()) {
          var box = lesion.mapBox();
          int centre = (box.y() + box.height() / 2) * truth.width() + box.x() + box.width() / 2;
          int hit = -1;
          for (int l = 0; l < truth.outlines().size() && hit < 0; l++) {
            hit = truth.outlines().get(l)[centre] ? l : -1;
          }
          marks.add(new Mark(lesion.peakProbability(), i, hit));
        }
      }
    }
    ConfidenceInterval auc = BootstrapIntervals.compute(labels, scores, 1).rocAuc();
    long lesionImages = java.util.Arrays.stream(labels).filter(l -> l == 1).count();
    double[] atThreshold = sensitivityAndFalsePositives(marks, threshold, images.size(), lesionCount);
    double bestSensitivity = 0;
    double bestThreshold = Double.NaN;
    for (Mark m : marks) {
      double[] s = sensitivityAndFalsePositives(marks, m.score(), images.size(), lesionCount);
      if (s[1] <= 1 && s[0] > bestSensitivity) {
        bestSensitivity = s[0];
        bestThreshold = m.score();
      }
    }
    return String.format(
        Locale.ROOT,
        "| %s | %.3f [%.3f, %.3f] | %.3f (%d / %d) | %.3f / %.2f (%.2f) | %.3f (%s) |",
        name, auc.estimate(), auc.lower(), auc.upper(), (double) peaksInside / lesionImages,
        peaksInside, lesionImages, atThreshold[0], atThreshold[1], threshold, bestSensitivity,
        Double.isNaN(bestThreshold) ? "–" : String.format(Locale.ROOT, "%.2f", bestThreshold));
  }

  /** The image with every pixel repeated {@link #upscale}×{@link #upscale} times. */
  private MammogramImage upscaled(MammogramImage image) throws Exception {
    if (upscale == 1) {
      return image;
    }
    int w = image.width();
    float[] source = image.pixels();
    float[] pixels = new float[w * upscale * image.height() * upscale];
    for (int y = 0; y < image.height() * upscale; y++) {
      for (int x = 0; x < w * upscale; x++) {
        pixels[y * w * upscale + x] = source[(y / upscale) * w + x / upscale];
      }
    }
    return MammogramImage.ofFloats(w * upscale, image.height() * upscale, pixels, image.metadata());
  }

  /** {lesion sensitivity, false-positive marks per image} counting marks scoring at least {@code t}. */
  private static double[] sensitivityAndFalsePositives(
      List<Mark> marks, double t, int images, long lesions) {
    java.util.Set<Long> found = new java.util.HashSet<>();
    long falsePositives = 0;
    for (Mark m : marks) {
      if (m.score() >= t) {
        if (m.lesion() < 0) {
          falsePositives++;
        } else {
          found.add(((long) m.image() << 20) | m.lesion());
        }
      }
    }
    return new double[] {(double) found.size() / lesions, (double) falsePositives / images};
  }

  private List<TruthImage> truth() throws Exception {
    Map<Path, List<boolean[]>> outlines = new LinkedHashMap<>();
    Map<Path, Integer> widths = new LinkedHashMap<>();
    for (CbisAbnormality a : CbisDdsmReader.read(root).abnormalities()) {
      GreyPng.Image mask = GreyPng.read(a.roiMask());
      boolean[] inside = new boolean[mask.values().length];
      for (int p = 0; p < inside.length; p++) {
        inside[p] = mask.values()[p] > 0;
      }
      outlines.computeIfAbsent(a.image(), k -> new ArrayList<>()).add(inside);
      widths.put(a.image(), mask.width());
    }
    List<TruthImage> images = new ArrayList<>();
    outlines.keySet().stream()
        .sorted()
        .limit(lesionImages)
        .forEach(file -> images.add(new TruthImage(file, outlines.get(file), widths.get(file))));
    NormalImage.scan(root.resolve("normals")).stream()
        .map(NormalImage::file)
        .sorted()
        .limit(normalImages)
        .forEach(file -> images.add(new TruthImage(file, List.of(), 0)));
    return images;
  }
}
