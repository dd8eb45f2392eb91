package org.latentcadx.sdk.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.latentcadx.sdk.DetectionResult;
import org.latentcadx.sdk.ImageMetadata;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.ModelSource;
import org.latentcadx.sdk.StageTimings;
import org.latentcadx.sdk.internal.inference.SessionFactory;
import org.latentcadx.sdk.internal.tiling.TileGrid;
import org.latentcadx.sdk.testing.TestModel;

/**
 * Times raw ONNX Runtime runs over pre-built tile batches against {@link LesionDetector#detect} on the
 * same work: a 4000×6000 12-bit original, downsampled ×4 to 1000×1500, tiled 256×256 at stride 128
 * (7 × 11 = 77 tiles), with a 256×256 convolutional model built in code (3×3 conv+ReLU layers of 8,
 * 16 and 16 channels, 1×1 conv, sigmoid). After one warm-up of each, raw runs and detect calls
 * alternate so that both see the same machine load; prints median and minimum times and the SDK/raw
 * ratios. Not a
 * test; see {@code docs/PERFORMANCE.md} for the command and recorded figures.
 *
 * <p>Arguments: {@code [iterations (default 5)] [intra-op threads (default all processors)] [batch size
 * (default 8)] [model.onnx]}; a given model (e.g. the bundled {@code latentcadx-lite.onnx}) replaces the
 * built one and must have the same tiling (256 × 256 at stride 128, downsample factor 4).
 */
public final class DetectorBenchmark {

  static final int WIDTH = 4000;
  static final int HEIGHT = 6000;
  private static final int TILE = 256;
  private static final int STRIDE = 128;
  private static final int MAP_WIDTH = WIDTH / 4;
  private static final int MAP_HEIGHT = HEIGHT / 4;

  private DetectorBenchmark() {}

  public static void main(String[] args) throws Exception {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    byte[] model =
        args.length > 3
            ? Files.readAllBytes(Path.of(args[3]))
            : TestModel.convolutional(TILE, new int[] {8, 16, 16}, 2021)
                .metadata("latentcadx.downsample_factor", "4")
                .metadata("latentcadx.tile_stride", Integer.toString(STRIDE))
                .toBytes();
    Path file = Files.createTempFile("latentcadx-bench", ".onnx");
    Files.write(file, model);
    MammogramImage image = syntheticMammogram();

    OrtEnvironment env = OrtEnvironment.getEnvironment();
    int tiles = new TileGrid(MAP_WIDTH, MAP_HEIGHT, TILE, STRIDE).size();
    long[] raw = new long[iterations];
    long[] sdk = new long[iterations];
    StageTimings lastTimings;
    List<OnnxTensor> batches = randomBatches(env, tiles, batch);
    try (SessionOptions options = rawSessionOptions(threads);
        OrtSession session = env.createSession(model, options);
        LesionDetector detector =
            LesionDetector.builder(ModelSource.path(file))
                .intraOpThreads(threads)
                .batchSize(batch)
                .build()) {
      runAll(session, batches);
      DetectionResult result = detector.detect(image);
      // Alternate the two so that both see the same machine load.
      for (int i = 0; i < iterations; i++) {
        long start = System.nanoTime();
        runAll(session, batches);
        raw[i] = System.nanoTime() - start;
        start = System.nanoTime();
        result = detector.detect(image);
        sdk[i] = System.nanoTime() - start;
      }
      lastTimings = result.timings();
    } finally {
      batches.forEach(OnnxTensor::close);
      Files.deleteIfExists(file);
    }
    print(iterations, threads, batch, tiles, raw, sdk, lastTimings);
  }

  /** The session options the SDK sets, for the raw runs. */
  private static SessionOptions rawSessionOptions(int threads) throws Exception {
    SessionOptions options = new SessionOptions();
    options.setOptimizationLevel(OptLevel.ALL_OPT);
    options.setExecutionMode(ExecutionMode.SEQUENTIAL);
    options.setIntraOpNumThreads(threads);
    options.setInterOpNumThreads(1);
    options.addConfigEntry(SessionFactory.ALLOW_SPINNING, "0");
    return options;
  }

  /** Input tensors holding {@code tiles} random tiles in batches of {@code batch}. */
  private static List<OnnxTensor> randomBatches(OrtEnvironment env, int tiles, int batch)
      throws Exception {
    List<OnnxTensor> batches = new ArrayList<>();
    Random random = new Random(2);
    for (int first = 0; first < tiles; first += batch) {
      int count = Math.min(batch, tiles - first);
      FloatBuffer data =
          ByteBuffer.allocateDirect(count * TILE * TILE * Float.BYTES)
              .order(ByteOrder.nativeOrder())
              .asFloatBuffer();
      for (int i = 0; i < data.capacity(); i++) {
        data.put(i, random.nextFloat());
      }
      batches.add(OnnxTensor.createTensor(env, data, new long[] {count, 1, TILE, TILE}));
    }
    return batches;
  }

  /** A 12-bit image with smooth structure and noise (content does not change the cost). */
  static MammogramImage syntheticMammogram() throws Exception {
    Random random = new Random(1);
    short[] pixels = new short[WIDTH * HEIGHT];
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        double tissue = 1500 + 1000 * Math.sin(x / 300.0) * Math.cos(y / 450.0);
        pixels[y * WIDTH + x] = (short) Math.max(0, Math.min(4095, tissue + random.nextInt(200)));
      }
    }
    return MammogramImage.ofShorts(
        WIDTH, HEIGHT, pixels, false, ImageMetadata.of("benchmark").withBitsStored(12));
  }

  private static void runAll(OrtSession session, List<OnnxTensor> batches) throws Exception {
    for (OnnxTensor input : batches) {
      try (OrtSession.Result result = session.run(Map.of("image", input))) {
        result.get(0);
      }
    }
  }

  private static double medianMillis(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }

  private static double minMillis(long[] nanos) {
    return Arrays.stream(nanos).min().orElseThrow() / 1e6;
  }

  private static void print(
      int iterations, int threads, int batch, int tiles, long[] raw, long[] sdk, StageTimings timings) {
    double rawMs = medianMillis(raw);
    double sdkMs = medianMillis(sdk);
    System.out.printf(
        "image %dx%d -> %dx%d, %d tiles of %dx%d, stride %d, batch %d, %d intra-op threads, %d"
            + " alternating iterations%n",
        WIDTH, HEIGHT, MAP_WIDTH, MAP_HEIGHT, tiles, TILE, TILE, STRIDE, batch, threads, iterations);
    System.out.println("| measurement | median ms | min ms | median per tile ms |");
    System.out.println("| --- | ---: | ---: | ---: |");
    System.out.printf(
        "| raw ONNX Runtime run, pre-built batches | %.1f | %.1f | %.2f |%n",
        rawMs, minMillis(raw), rawMs / tiles);
    System.out.printf(
        "| SDK detect, whole pipeline | %.1f | %.1f | %.2f |%n", sdkMs, minMillis(sdk), sdkMs / tiles);
    System.out.printf(
        "| ratio SDK / raw | %.3f | %.3f | |%n", sdkMs / rawMs, minMillis(sdk) / minMillis(raw));
    System.out.printf(
        "last detect stages (ms): preprocessing %d, inference %d, stitching %d, postprocessing %d%n",
        timings.preprocessing().toMillis(), timings.inference().toMillis(),
        timings.stitching().toMillis(), timings.postprocessing().toMillis());
  }
}
