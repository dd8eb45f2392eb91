package org.latentcadx.conformance.regenerate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentcadx.conformance.GoldenFormat;
import org.latentcadx.conformance.GoldenFormat.CaseEntry;
import org.latentcadx.conformance.GoldenFormat.Kind;
import org.latentcadx.conformance.Tensor;

/**
 * Computes one golden set for a model: patch cases from TensorFlow, image cases from the {@link
 * ReferencePipeline} over TensorFlow patch outputs, a metrics case from scikit-learn.
 */
final class GoldenSetGenerator {

  /**
   * An image case: map-scale size (the original is about {@code factor} times larger), seed, settings;
   * {@code mapSmoothing} overrides the model's own map smoothing when not null.
   */
  private record ImageSpec(
      String name, int mapWidth, int mapHeight, long seed, boolean lesion, int stride, String aggregation,
      Double mapSmoothing) {}

  /**
   * Shapes exercised: several tiles with a shifted edge tile, one padded tile, a second stride; the
   * model's own map smoothing in the first two, an overriding one in the third (σ 1, small enough that
   * the untrained model's smoothed map keeps gaps wide enough for a stable lesion threshold).
   */
  private static final List<ImageSpec> IMAGES =
      List.of(
          new ImageSpec("image_wide", 399, 281, 101, true, 128, "top_k_mean:3", null),
          new ImageSpec("image_small", 151, 100, 102, false, 128, "max", null),
          new ImageSpec("image_tall", 260, 350, 103, true, 96, "noisy_or", 1.0));

  /** The metrics set: this many one-tile images, every other one with a lesion. */
  private static final int METRICS_IMAGES = 12;

  private final ReferenceModel model;
  private final GoldenWriter writer;
  private final Path python;
  private final Path sklearnScript;

  GoldenSetGenerator(ReferenceModel model, GoldenWriter writer, Path python, Path sklearnScript) {
    this.model = model;
    this.writer = writer;
    this.python = python;
    this.sklearnScript = sklearnScript;
  }

  /**
   * Writes the set's cases and manifest.
   *
   * @param modelRef what {@code model.ref} holds: the model's path relative to a case folder
   * @param manifestBase the manifest without cases and engine versions
   */
  void generate(String modelRef, GoldenFormat.Manifest manifestBase) {
    List<CaseEntry> cases = new ArrayList<>();
    Map<String, String> references = new LinkedHashMap<>(manifestBase.references());
    references.put("patch_engine", "TensorFlow " + org.tensorflow.TensorFlow.version()
        + " (latentcadx-trainer TfNetwork, inference mode)");
    references.put("pipeline", "conformance-tests/src/regenerate: ReferencePipeline over the TensorFlow patch outputs");
    try (TensorFlowPatches engine = new TensorFlowPatches(model)) {
      cases.add(patchCase("patch_single", modelRef, engine, List.of(Patches.LESION)));
      cases.add(
          patchCase(
              "patch_batch",
              modelRef,
              engine,
              List.of(Patches.NOISE, Patches.LESION, Patches.FLAT, Patches.GRADIENT)));
      ReferencePipeline pipeline = new ReferencePipeline(model, engine);
      for (ImageSpec spec : IMAGES) {
        cases.add(imageCase(spec, modelRef, pipeline));
      }
      cases.add(metricsCase(pipeline, references));
    }
    writer.json(
        GoldenFormat.MANIFEST,
        new GoldenFormat.Manifest(
            manifestBase.set(),
            manifestBase.description(),
            manifestBase.modelFile(),
            manifestBase.bundledModel(),
            manifestBase.modelSha256(),
            references,
            cases));
  }

  private CaseEntry patchCase(String name, String modelRef, TensorFlowPatches engine, List<Patches> patches) {
    int tile = model.tileSize();
    float[] input = new float[patches.size() * tile * tile];
    for (int i = 0; i < patches.size(); i++) {
      System.arraycopy(patches.get(i).draw(tile), 0, input, i * tile * tile, tile * tile);
    }
    TensorFlowPatches.Outputs out = engine.run(input, patches.size());
    long n = patches.size();
    writer.bytes(name + "/" + GoldenFormat.MODEL_REF, (modelRef + "\n").getBytes(StandardCharsets.UTF_8));
    writer.input(name, 0, 0, "image", Tensor.ofFloats(new long[] {n, 1, tile, tile}, input));
    writer.output(name, 0, 0, "probability", Tensor.ofFloats(new long[] {n}, out.probabilities()));
    writer.output(name, 0, 1, "mask", Tensor.ofFloats(new long[] {n, 1, tile, tile}, out.masks()));
    return new CaseEntry(name, Kind.PATCH, 1);
  }

  private CaseEntry imageCase(ImageSpec spec, String modelRef, ReferencePipeline pipeline) {
    int f = model.downsampleFactor();
    // One pixel short of a whole block on each axis, so the last block averages in padding.
    int width = spec.mapWidth() * f - (f - 1);
    int height = spec.mapHeight() * f - (f - 1);
    SyntheticImages.Image image = SyntheticImages.draw(width, height, spec.seed(), spec.lesion());
    String scanner = scanner();
    double smoothing = spec.mapSmoothing() == null ? model.mapSmoothing() : spec.mapSmoothing();
    ReferencePipeline.Result result =
        pipeline.run(image.grey(), width, height, 16, scanner, spec.stride(), spec.aggregation(), smoothing);
    float decision = Float.parseFloat(model.metadata("latentcadx.decision_threshold"));
    LesionThreshold.Choice threshold = LesionThreshold.choose(result.map(), decision);
    String name = spec.name();
    writer.bytes(name + "/" + GoldenFormat.MODEL_REF, (modelRef + "\n").getBytes(StandardCharsets.UTF_8));
    writer.bytes(name + "/image.png", image.png());
    writer.json(
        name + "/" + GoldenFormat.IMAGE_CASE,
        new GoldenFormat.ImageCase(
            "image.png", scanner, spec.stride(), spec.aggregation(), threshold.threshold(), spec.mapSmoothing(),
            threshold.margin()));
    long[] mapShape = {result.mapHeight(), result.mapWidth()};
    writer.output(name, 0, 0, "preprocessed", Tensor.ofFloats(mapShape, result.preprocessed()));
    long[] origins = Arrays.stream(result.tileOrigins()).flatMapToInt(Arrays::stream).asLongStream().toArray();
    writer.output(
        name, 0, 1, "tile_origins", Tensor.ofLongs(new long[] {result.tileOrigins().length, 2}, origins));
    writer.output(name, 0, 2, "map", Tensor.ofFloats(mapShape, result.map()));
    writer.output(
        name, 0, 3, "image_probability", Tensor.ofDoubles(new long[0], new double[] {result.imageProbability()}));
    writer.json(
        name + "/" + GoldenFormat.LESIONS,
        new GoldenFormat.LesionList(
            ReferencePipeline.lesions(
                result.map(), result.mapWidth(), result.mapHeight(), threshold.threshold(), f, width, height)));
    return new CaseEntry(name, Kind.IMAGE, 1);
  }

  private CaseEntry metricsCase(ReferencePipeline pipeline, Map<String, String> references) {
    int f = model.downsampleFactor();
    int side = model.tileSize() * f;
    double[] scores = new double[METRICS_IMAGES];
    long[] labels = new long[METRICS_IMAGES];
    SplittableRandom random = new SplittableRandom(2021);
    for (int i = 0; i < METRICS_IMAGES; i++) {
      labels[i] = i % 2;
      SyntheticImages.Image image = SyntheticImages.draw(side, side, random.nextLong(), labels[i] == 1);
      scores[i] =
          pipeline.run(image.grey(), side, side, 16, scanner(), model.tileSize(), "max", 0).imageProbability();
    }
    String name = "metrics_small";
    double threshold = Double.parseDouble(model.metadata("latentcadx.decision_threshold"));
    writer.input(name, 0, 0, "scores", Tensor.ofDoubles(new long[] {METRICS_IMAGES}, scores));
    writer.input(name, 0, 1, "labels", Tensor.ofLongs(new long[] {METRICS_IMAGES}, labels));
    writer.input(name, 0, 2, "threshold", Tensor.ofDoubles(new long[0], new double[] {threshold}));
    references.put("metrics_engine", sklearn(writer.setFolder().resolve(name)));
    return new CaseEntry(name, Kind.METRICS, 1);
  }

  /** The scanner image cases use with optical-density models; none for bits_stored ones. */
  private String scanner() {
    return model.metadata("latentcadx.normalization").equals("optical_density") ? "HOWTEK_ISMD" : null;
  }

  /** Runs the scikit-learn script on a metrics case folder; returns the versions it reports. */
  private String sklearn(Path caseFolder) {
    try {
      Process process =
          new ProcessBuilder(python.toString(), sklearnScript.toString(), caseFolder.toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String versions = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(sklearnScript + " failed with exit code " + process.exitValue());
      }
      return versions.trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + python + " " + sklearnScript, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running scikit-learn", e);
    }
  }
}
