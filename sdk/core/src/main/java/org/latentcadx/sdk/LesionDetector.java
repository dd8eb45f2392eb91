package org.latentcadx.sdk;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.internal.FloatGrid;
import org.latentcadx.sdk.internal.inference.SessionFactory;
import org.latentcadx.sdk.internal.inference.TileScorer;
import org.latentcadx.sdk.internal.model.GraphValidator;
import org.latentcadx.sdk.internal.model.ModelBytes;
import org.latentcadx.sdk.internal.postprocess.GaussianSmoothing;
import org.latentcadx.sdk.internal.postprocess.MaskStitcher;
import org.latentcadx.sdk.internal.preprocess.GreyLevelNormalizer;
import org.latentcadx.sdk.internal.preprocess.ModelScaleConverter;
import org.latentcadx.sdk.internal.tiling.TileGrid;
import org.latentcadx.sdk.model.ModelContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds lesions in mammograms with a LatentCADx ONNX model.
 *
 * <pre>{@code
 * try (LesionDetector detector =
 *     LesionDetector.builder(ModelSource.classpath("latentcadx-lite")).device(Device.auto()).build()) {
 *   DetectionResult result = detector.detect(ImageFiles.read(Path.of("image.png")).image());
 *   System.out.println(result.imageProbability() + " on " + result.executionProvider());
 * }
 * }</pre>
 *
 * <p>Each {@link #detect} call: normalises grey levels as the model's metadata says, pads the image to
 * a multiple of the downsample factor and area-averages it down, covers it with tiles (see {@code
 * sdk/README.md}), runs the model on batches of tiles, blends the tile masks into a probability map,
 * aggregates tile probabilities into the image probability and extracts lesions from the map.
 *
 * <p><b>Thread safety:</b> a detector is safe for concurrent {@code detect} calls from any number of
 * threads; it shares one ONNX Runtime session and gives each call its own buffers, and concurrent calls
 * return the same results as sequential ones. {@link #close()} waits for running calls to finish;
 * calls after it fail with {@link IllegalStateException}.
 */
public final class LesionDetector implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LesionDetector.class);

  private final OrtSession session;
  private final TileScorer scorer;
  private final ModelContract contract;
  private final ModelInfo modelInfo;
  private final ExecutionProvider provider;
  private final Optional<String> fallbackReason;
  private final ModelScaleConverter converter;
  private final int preprocessingThreads;
  private final int stride;
  private final Aggregation aggregation;
  private final float lesionThreshold;
  private final double mapSmoothing;
  private final long maxImagePixels;
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private LesionDetector(
      Builder options,
      OrtSession session,
      SessionFactory.CreatedSession created,
      ModelContract contract,
      ModelInfo modelInfo)
      throws LatentCadxException {
    this.session = session;
    this.contract = contract;
    this.modelInfo = modelInfo;
    this.provider = created.provider();
    this.fallbackReason = created.fallbackReason();
    this.converter =
        new ModelScaleConverter(
            new GreyLevelNormalizer(contract, Optional.ofNullable(options.scanner)),
            contract.downsampleFactor());
    this.preprocessingThreads = options.intraOpThreads;
    this.stride = options.stride.orElse(contract.tileStride());
    if (stride > contract.tileSize()) {
      throw new LatentCadxException(
          ErrorCode.INVALID_ARGUMENT,
          "stride " + stride + " exceeds the model's tile size " + contract.tileSize()
              + "; pixels between tiles would be dropped");
    }
    this.aggregation = options.aggregation;
    this.lesionThreshold = options.lesionThreshold.orElse(contract.decisionThreshold());
    this.mapSmoothing = options.mapSmoothing.orElse(contract.mapSmoothing());
    this.maxImagePixels = options.maxImagePixels;
    this.scorer =
        new TileScorer(
            session, contract, options.batchSize, Runtime.getRuntime().availableProcessors());
  }

  /** Starts configuring a detector for the given model. */
  public static Builder builder(ModelSource model) {
    return new Builder(model);
  }

  /**
   * Scores one image.
   *
   * @throws LatentCadxException {@code INVALID_IMAGE} (null image, or float pixels outside [0, 1] without
   *     bits stored), {@code IMAGE_TOO_LARGE} (over the configured pixel bound), {@code INFERENCE_FAILED}
   *     (ONNX Runtime failed, or the model produced values outside [0, 1])
   * @throws IllegalStateException if the detector is closed
   */
  public DetectionResult detect(MammogramImage image) throws LatentCadxException {
    if (image == null) {
      throw new LatentCadxException(ErrorCode.INVALID_IMAGE, "image is null");
    }
    lifecycle.readLock().lock();
    try {
      requireOpen();
      return run(image);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private DetectionResult run(MammogramImage image) throws LatentCadxException {
    checkSize(image);
    long start = System.nanoTime();
    int width = converter.scaledWidth(image);
    int height = converter.scaledHeight(image);
    TileGrid grid = new TileGrid(width, height, contract.tileSize(), stride);
    FloatGrid padded =
        converter.convert(image, grid.paddedWidth(), grid.paddedHeight(), preprocessingThreads);
    long preprocessed = System.nanoTime();

    float[] tileProbabilities = new float[grid.size()];
    MaskStitcher stitcher = new MaskStitcher(grid);
    long[] stitchNanos = {0};
    scorer.score(
        padded,
        grid,
        (tile, probability, masks, offset) -> {
          long stitchStart = System.nanoTime();
          tileProbabilities[tile] = probability;
          stitcher.add(grid.tile(tile).origin(), masks, offset);
          stitchNanos[0] += System.nanoTime() - stitchStart;
        });
    long scored = System.nanoTime();
    FloatGrid stitched = stitcher.result(width, height);
    checkOutputRange(tileProbabilities, stitched);
    GaussianSmoothing.smoothInPlace(stitched.data(), width, height, mapSmoothing, preprocessingThreads);
    ProbabilityMap map =
        ProbabilityMap.owning(
            width,
            height,
            contract.downsampleFactor(),
            image.width(),
            image.height(),
            stitched.data());
    long mapped = System.nanoTime();

    double imageProbability = aggregation.apply(tileProbabilities);
    List<Lesion> lesions = map.lesions(lesionThreshold);
    long done = System.nanoTime();
    StageTimings timings =
        new StageTimings(
            Duration.ofNanos(preprocessed - start),
            Duration.ofNanos(scored - preprocessed - stitchNanos[0]),
            Duration.ofNanos(stitchNanos[0] + mapped - scored),
            Duration.ofNanos(done - mapped));
    return new DetectionResult(
        imageProbability, map, lesions, grid.size(), provider, timings, modelInfo);
  }

  /**
   * The model's outputs for tiles at the model's scale.
   *
   * @param probabilities one lesion probability per tile
   * @param masks one {@code T × T} mask per tile (T = the model's tile size), row-major, one after another
   */
  public record TileScores(float[] probabilities, float[] masks) {}

  /**
   * Runs the model on tiles that are already at the model's scale, skipping preprocessing, tiling,
   * stitching and lesion extraction: for checking a model file against reference outputs (the
   * conformance kit does), and for code that prepares its own tiles ({@link
   * org.latentcadx.sdk.model.ModelPreprocessing} gives the SDK's). Batching and thread safety are as
   * for {@link #detect}.
   *
   * @param tiles {@code N} tiles of {@code T × T} values in [0, 1], each row-major, one after another
   * @throws IllegalArgumentException if {@code tiles} is not a positive multiple of {@code T²} values
   * @throws LatentCadxException {@code INFERENCE_FAILED} when ONNX Runtime fails
   * @throws IllegalStateException if the detector is closed
   */
  public TileScores scoreTiles(float[] tiles) throws LatentCadxException {
    int tileSize = contract.tileSize();
    int tilePixels = tileSize * tileSize;
    if (tiles.length == 0 || tiles.length % tilePixels != 0) {
      throw new IllegalArgumentException(
          tiles.length + " values are not a whole number of " + tileSize + "×" + tileSize + " tiles");
    }
    int count = tiles.length / tilePixels;
    lifecycle.readLock().lock();
    try {
      requireOpen();
      // the tiles stacked into one column are exactly the tiles of a one-column grid with stride T
      TileGrid column = new TileGrid(tileSize, tileSize * count, tileSize, tileSize);
      float[] probabilities = new float[count];
      float[] masks = new float[tiles.length];
      scorer.score(
          new FloatGrid(tileSize, tileSize * count, tiles),
          column,
          (tile, probability, batchMasks, offset) -> {
            probabilities[tile] = probability;
            batchMasks.get(offset, masks, tile * tilePixels, tilePixels);
          });
      return new TileScores(probabilities, masks);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("detector for " + modelInfo.source() + " is closed");
    }
  }

  private void checkSize(MammogramImage image) throws LatentCadxException {
    long pixels = (long) image.width() * image.height();
    if (pixels > maxImagePixels) {
      throw new LatentCadxException(
          ErrorCode.IMAGE_TOO_LARGE,
          image.metadata().source() + ": " + image.width() + "x" + image.height() + " = " + pixels
              + " pixels exceeds the detector's bound of " + maxImagePixels
              + " pixels (LesionDetector.Builder.maxImagePixels)");
    }
  }

  private void checkOutputRange(float[] tileProbabilities, FloatGrid map) throws LatentCadxException {
    for (int i = 0; i < tileProbabilities.length; i++) {
      if (!(tileProbabilities[i] >= 0 && tileProbabilities[i] <= 1)) {
        throw new LatentCadxException(
            ErrorCode.INFERENCE_FAILED,
            "model '" + contract.modelName() + "' gave tile " + i + " probability "
                + tileProbabilities[i] + "; expected a value in [0, 1]");
      }
    }
    float[] values = map.data();
    for (int i = 0; i < values.length; i++) {
      if (!(values[i] >= 0 && values[i] <= 1)) {
        throw new LatentCadxException(
            ErrorCode.INFERENCE_FAILED,
            "model '" + contract.modelName() + "' gave mask value " + values[i] + " at map pixel ("
                + (i % map.width()) + ", " + (i / map.width()) + "); expected values in [0, 1]");
      }
    }
  }

  /** The model this detector runs. */
  public ModelInfo modelInfo() {
    return modelInfo;
  }

  /** The execution provider the model actually runs on. */
  public ExecutionProvider executionProvider() {
    return provider;
  }

  /** Why {@link Device#auto()} fell back to the CPU; empty when it did not or was not asked. */
  public Optional<String> deviceFallbackReason() {
    return fallbackReason;
  }

  /** The stride between tiles, in model-scale pixels. */
  public int stride() {
    return stride;
  }

  /** The threshold at or above which map pixels belong to a lesion. */
  public float lesionThreshold() {
    return lesionThreshold;
  }

  /** The Gaussian standard deviation, in map pixels, the probability map is smoothed with (0: none). */
  public double mapSmoothing() {
    return mapSmoothing;
  }

  /** Releases the ONNX Runtime session and buffers, after running {@code detect} calls finish. */
  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      scorer.close();
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed to release the session", e);
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  /** Options of a {@link LesionDetector}; every option has a documented default. */
  public static final class Builder {
    private final ModelSource model;
    private Device device = Device.cpu();
    private int batchSize = 8;
    private int intraOpThreads = Runtime.getRuntime().availableProcessors();
    private int interOpThreads = 1;
    private OptionalInt stride = OptionalInt.empty();
    private Aggregation aggregation = Aggregation.max();
    private long maxImagePixels = MammogramImage.DEFAULT_MAX_PIXELS;
    private DdsmScanner scanner;
    private Optional<Float> lesionThreshold = Optional.empty();
    private Optional<Double> mapSmoothing = Optional.empty();

    private Builder(ModelSource model) {
      this.model = Objects.requireNonNull(model, "model");
    }

    /** Where the model runs; default {@link Device#cpu()}. */
    public Builder device(Device device) {
      this.device = Objects.requireNonNull(device, "device");
      return this;
    }

    /** Tiles per ONNX Runtime run, 1 to 1024; default 8. */
    public Builder batchSize(int tiles) {
      this.batchSize = checkRange("batch size", tiles, 1, 1024);
      return this;
    }

    /**
     * Threads ONNX Runtime uses inside one operator, 1 to 256; default the number of available
     * processors. This is a {@code detect} call's CPU budget: preprocessing and map smoothing run on the
     * calling thread and up to this many − 1 threads started for them (a full-size image: a band of rows
     * each); the other Java stages run on the calling thread while ONNX Runtime's threads sleep, and
     * it waits while they run; so one call keeps at most this many threads busy (concurrent calls add
     * up). Idle threads sleep rather than spin, so an idle detector uses no CPU.
     */
    public Builder intraOpThreads(int threads) {
      this.intraOpThreads = checkRange("intra-op threads", threads, 1, 256);
      return this;
    }

    /** Threads ONNX Runtime uses across independent operators, 1 to 256; default 1 (sequential). */
    public Builder interOpThreads(int threads) {
      this.interOpThreads = checkRange("inter-op threads", threads, 1, 256);
      return this;
    }

    /**
     * Stride between tiles in model-scale pixels, 1 to the tile size; default the model's {@code
     * latentcadx.tile_stride}.
     */
    public Builder stride(int pixels) {
      this.stride = OptionalInt.of(checkRange("stride", pixels, 1, Integer.MAX_VALUE));
      return this;
    }

    /** How tile probabilities become the image probability; default {@link Aggregation#max()}. */
    public Builder aggregation(Aggregation aggregation) {
      this.aggregation = Objects.requireNonNull(aggregation, "aggregation");
      return this;
    }

    /**
     * The largest image (width × height, original pixels) a detector accepts; default {@link
     * MammogramImage#DEFAULT_MAX_PIXELS} (8192 × 8192). Bigger images fail with {@code IMAGE_TOO_LARGE} before any work. Besides the
     * caller's image (2 bytes per pixel when made from 16-bit values), one {@code detect} call holds about
     * 14 bytes per model-scale pixel (original pixels / factor²; 20 MB for a 4000 × 6000 image at factor
     * 4; map smoothing adds a 4-byte copy of the map while it runs) plus one batch of tile buffers
     * outside the heap, so this bounds the memory of each call.
     */
    public Builder maxImagePixels(long pixels) {
      if (pixels < 1) {
        throw new IllegalArgumentException("max image pixels must be >= 1, got " + pixels);
      }
      this.maxImagePixels = pixels;
      return this;
    }

    /**
     * The DDSM digitiser of the images, needed by models with {@code latentcadx.normalization =
     * optical_density}; ignored otherwise.
     */
    public Builder scanner(DdsmScanner scanner) {
      this.scanner = Objects.requireNonNull(scanner, "scanner");
      return this;
    }

    /**
     * Map probability at or above which a pixel belongs to a lesion, in (0, 1] ({@link
     * ProbabilityMap#checkThreshold}); default the model's {@code latentcadx.decision_threshold}.
     */
    public Builder lesionThreshold(float threshold) {
      ProbabilityMap.checkThreshold(threshold);
      this.lesionThreshold = Optional.of(threshold);
      return this;
    }

    /**
     * Standard deviation, in map (model-scale) pixels from 0 to 64, of a Gaussian that smooths the
     * probability map before lesions are extracted (so the map, its lesions and its peak all see it;
     * zeros beyond the image's edges); 0 is the map as stitched. Default the model's {@code
     * latentcadx.map_smoothing_sigma} (0 when it has none), the smoothing its decision threshold was
     * chosen with. Smoothing favours broad responses such as masses over narrow bright spots, and
     * lowers map values, so a lesion threshold should be chosen with it.
     */
    public Builder mapSmoothing(double sigma) {
      if (!(sigma >= 0 && sigma <= ModelContract.MAX_MAP_SMOOTHING)) {
        throw new IllegalArgumentException("map smoothing must be in [0, 64] map pixels, got " + sigma);
      }
      this.mapSmoothing = Optional.of(sigma);
      return this;
    }

    private static int checkRange(String what, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            what + " must be in [" + min + ", " + max + "], got " + value);
      }
      return value;
    }

    /**
     * Loads, validates and opens the model.
     *
     * @throws LatentCadxException {@code MODEL_NOT_FOUND}, {@code INVALID_MODEL} (not loadable as ONNX),
     *     {@code INCOMPATIBLE_MODEL} (breaks the model contract), {@code DEVICE_UNAVAILABLE}, {@code
     *     INVALID_ARGUMENT} (options that do not fit the model), {@code IO_ERROR}
     */
    public LesionDetector build() throws LatentCadxException {
      ModelBytes bytes = ModelBytes.read(model);
      SessionFactory.CreatedSession created =
          new SessionFactory(device, intraOpThreads, interOpThreads)
              .create(bytes.bytes(), model.description());
      OrtSession session = created.session();
      try {
        var metadata = session.getMetadata().getCustomMetadata();
        ModelContract contract = ModelContract.parse(metadata, model.description());
        GraphValidator.validate(session, contract, model.description());
        ModelInfo info =
            new ModelInfo(
                contract.modelName(),
                contract.modelVersion(),
                bytes.sha256(),
                model.description(),
                contract.tileSize(),
                contract.tileStride(),
                contract.downsampleFactor(),
                contract.normalization().key(),
                contract.decisionThreshold(),
                contract.mapSmoothing(),
                metadata);
        LesionDetector detector = new LesionDetector(this, session, created, contract, info);
        LOG.debug(
            "Loaded model {} {} (sha256 {}) from {} on {}, stride {}, batch {}",
            info.name(), info.version(), info.sha256(), info.source(), created.provider(),
            detector.stride, batchSize);
        return detector;
      } catch (LatentCadxException | RuntimeException e) {
        closeQuietly(session, e);
        throw e;
      } catch (OrtException e) {
        closeQuietly(session, e);
        throw new LatentCadxException(
            ErrorCode.INVALID_MODEL,
            model.description() + ": cannot read its metadata: " + e.getMessage(),
            e);
      }
    }

    private static void closeQuietly(OrtSession session, Exception failure) {
      try {
        session.close();
      } catch (OrtException e) {
        failure.addSuppressed(e);
      }
    }
  }
}
