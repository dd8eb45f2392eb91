package org.latentcadx.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.latentcadx.sdk.Aggregation;
import org.latentcadx.sdk.BoundingBox;
import org.latentcadx.sdk.DdsmScanner;
import org.latentcadx.sdk.DetectionResult;
import org.latentcadx.sdk.Device;
import org.latentcadx.sdk.ExecutionProvider;
import org.latentcadx.sdk.ImageFiles;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.Lesion;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.ModelSource;
import org.latentcadx.sdk.model.ModelContract;
import org.latentcadx.sdk.model.ModelPreprocessing;

/**
 * Image cases: runs a whole image through {@link LesionDetector} with the case's settings and compares
 * the normalised downsampled image, the tile origins, the probability map (stitched, then smoothed by
 * the case's or the model's map smoothing), the image
 * probability and the lesion list with the goldens of the reference pipeline.
 */
final class ImageCaseRunner {

  /** Normalised, downsampled image [h, w] (before padding to a tile). */
  static final int PREPROCESSED = 0;
  /** Tile origins [tiles, 2] as (x, y), model-scale pixels, row-major grid order. */
  static final int TILE_ORIGINS = 1;
  /** Probability map [h, w] as {@code detect} returns it: stitched, then smoothed. */
  static final int MAP = 2;
  /** Image probability [] (float64). */
  static final int IMAGE_PROBABILITY = 3;

  private ImageCaseRunner() {}

  static List<CheckResult> run(
      GoldenFiles files, String caseFolder, ModelSource model, Device device)
      throws LatentCadxException {
    String configFile = caseFolder + "/" + GoldenFormat.IMAGE_CASE;
    GoldenFormat.ImageCase config =
        GoldenFormat.fromJson(files.read(configFile), GoldenFormat.ImageCase.class, configFile);
    MammogramImage image = ImageFiles.read(files.file(caseFolder + "/" + config.image())).image();
    LesionDetector.Builder builder =
        LesionDetector.builder(model)
            .device(device)
            .stride(config.stride())
            .aggregation(aggregation(config.aggregation()))
            .lesionThreshold(config.lesionThreshold());
    Optional<DdsmScanner> scanner =
        Optional.ofNullable(config.scanner()).map(DdsmScanner::valueOf);
    scanner.ifPresent(builder::scanner);
    if (config.mapSmoothing() != null) {
      builder.mapSmoothing(config.mapSmoothing());
    }
    String name = caseFolder + "/test_data_set_0";
    List<CheckResult> results = new ArrayList<>();
    try (LesionDetector detector = builder.build()) {
      ModelPreprocessing preprocessing =
          ModelPreprocessing.of(
              ModelContract.parse(detector.modelInfo().metadata(), detector.modelInfo().source()), scanner);
      MammogramImage small = preprocessing.toModelScale(image);
      DetectionResult result = detector.detect(image);
      boolean gpu = result.executionProvider() == ExecutionProvider.CUDA;
      Golden golden = new Golden(files, caseFolder, name, gpu);
      results.add(
          golden.check(PREPROCESSED, "preprocessed", grid(small), TolerancePolicy.PREPROCESSING));
      results.add(
          golden.check(
              TILE_ORIGINS,
              "tile_origins",
              tileOrigins(preprocessing.tileOrigins(small.width(), small.height(), detector.stride())),
              TolerancePolicy.EXACT));
      var map = result.probabilityMap();
      results.add(
          golden.check(
              MAP,
              "map",
              Tensor.ofFloats(new long[] {map.height(), map.width()}, map.values()),
              TolerancePolicy.MODEL_OUTPUT));
      results.add(
          golden.check(
              IMAGE_PROBABILITY,
              "image_probability",
              Tensor.ofDoubles(new long[0], new double[] {result.imageProbability()}),
              TolerancePolicy.MODEL_OUTPUT));
      String lesionsFile = caseFolder + "/" + GoldenFormat.LESIONS;
      results.addAll(
          LesionChecks.compare(
              name,
              GoldenFormat.fromJson(files.read(lesionsFile), GoldenFormat.LesionList.class, lesionsFile),
              result.lesions(),
              gpu));
    }
    return results;
  }

  /** The aggregation named in a case file. */
  static Aggregation aggregation(String name) {
    if (name.equals("max")) {
      return Aggregation.max();
    }
    if (name.equals("noisy_or")) {
      return Aggregation.noisyOr();
    }
    if (name.startsWith("top_k_mean:")) {
      return Aggregation.topKMean(Integer.parseInt(name.substring("top_k_mean:".length())));
    }
    throw new IllegalArgumentException(
        "unknown aggregation '" + name + "'; expected max, noisy_or or top_k_mean:K");
  }

  private static Tensor grid(MammogramImage image) {
    return Tensor.ofFloats(new long[] {image.height(), image.width()}, image.pixels());
  }

  private static Tensor tileOrigins(List<ModelPreprocessing.TileOrigin> tiles) {
    long[] origins = new long[tiles.size() * 2];
    for (int i = 0; i < tiles.size(); i++) {
      origins[2 * i] = tiles.get(i).x();
      origins[2 * i + 1] = tiles.get(i).y();
    }
    return Tensor.ofLongs(new long[] {tiles.size(), 2}, origins);
  }

  /** The golden outputs of one image case. */
  private record Golden(GoldenFiles files, String caseFolder, String name, boolean gpu) {
    CheckResult check(int output, String check, Tensor actual, TolerancePolicy policy) {
      String file = GoldenFormat.output(caseFolder, 0, output);
      Tensor expected = TensorFiles.read(files.read(file), file);
      return TensorComparison.compare(name, check, expected, actual, policy.tolerance(gpu));
    }
  }

  /** Lesion list checks: count, then boxes, areas and probabilities lesion by lesion. */
  static final class LesionChecks {
    private LesionChecks() {}

    static List<CheckResult> compare(
        String name, GoldenFormat.LesionList golden, List<Lesion> actual, boolean gpu) {
      List<GoldenFormat.LesionGolden> expected = golden.lesions();
      int n = expected.size();
      CheckResult count =
          TensorComparison.compare(
              name,
              "lesion_count",
              Tensor.ofLongs(new long[0], new long[] {n}),
              Tensor.ofLongs(new long[0], new long[] {actual.size()}),
              TolerancePolicy.EXACT.tolerance(gpu));
      if (!count.passed() || n == 0) {
        return List.of(count);
      }
      return List.of(
          count,
          TensorComparison.compare(
              name,
              "lesion_map_boxes",
              boxes(expected, GoldenFormat.LesionGolden::mapBox),
              boxes(actual.stream().map(l -> box(l.mapBox())).toList()),
              TolerancePolicy.LESION_BOX.tolerance(gpu)),
          TensorComparison.compare(
              name,
              "lesion_image_boxes",
              boxes(expected, GoldenFormat.LesionGolden::imageBox),
              boxes(actual.stream().map(l -> box(l.imageBox())).toList()),
              TolerancePolicy.LESION_BOX.tolerance(gpu)),
          TensorComparison.compare(
              name,
              "lesion_areas",
              column(expected, GoldenFormat.LesionGolden::areaMapPixels),
              column(actual, Lesion::areaMapPixels),
              TolerancePolicy.LESION_AREA.tolerance(gpu)),
          TensorComparison.compare(
              name,
              "lesion_peak_mean",
              pairs(expected.stream().map(l -> new double[] {l.peakProbability(), l.meanProbability()}).toList()),
              pairs(actual.stream().map(l -> new double[] {l.peakProbability(), l.meanProbability()}).toList()),
              TolerancePolicy.MODEL_OUTPUT.tolerance(gpu)));
    }

    private static int[] box(BoundingBox box) {
      return new int[] {box.x(), box.y(), box.width(), box.height()};
    }

    private static Tensor boxes(
        List<GoldenFormat.LesionGolden> lesions,
        Function<GoldenFormat.LesionGolden, int[]> box) {
      return boxes(lesions.stream().map(box).toList());
    }

    private static Tensor boxes(List<int[]> boxes) {
      long[] values = boxes.stream().flatMapToInt(Arrays::stream).asLongStream().toArray();
      return Tensor.ofLongs(new long[] {boxes.size(), 4}, values);
    }

    private static <T> Tensor column(List<T> lesions, ToDoubleFunction<T> value) {
      return Tensor.ofDoubles(
          new long[] {lesions.size()}, lesions.stream().mapToDouble(value).toArray());
    }

    private static Tensor pairs(List<double[]> pairs) {
      return Tensor.ofDoubles(
          new long[] {pairs.size(), 2},
          pairs.stream().flatMapToDouble(Arrays::stream).toArray());
    }
  }
}
