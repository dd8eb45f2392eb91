package org.latentcadx.trainer.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.latentcadx.sdk.metrics.PrecisionRecallCurve;
import org.latentcadx.sdk.metrics.RocCurve;
import org.latentcadx.trainer.data.Augmentation;
import org.latentcadx.trainer.data.PatchBatch;
import org.latentcadx.trainer.data.PatchStore;
import org.latentcadx.trainer.model.Network;
import org.latentcadx.trainer.model.Weights;

/**
 * Runs the staged schedule R → L1 → L2 on a patch store, checkpointing after every epoch. A stage
 * ends after its epoch count or when its validation loss changes by less than the early-stopping
 * delta. The data order and augmentation of each epoch derive from (seed, stage, epoch) only, so a
 * run interrupted after any epoch and resumed from its checkpoint continues exactly as if it had not
 * been interrupted.
 */
public final class Trainer {
  private final TrainingConfig config;
  private final PatchStore store;
  private final Network network;
  private final Path checkpointDirectory;
  private final ProgressListener progress;
  private final int threads;
  private final int[] trainIndices;
  private final int[] validationIndices;
  private final FaintLesionCopies faintLesions;

  /**
   * A trainer on {@code store} that checkpoints into {@code checkpointDirectory} and runs TensorFlow
   * with at most {@code threads} threads per op (0: one per core).
   */
  public Trainer(
      TrainingConfig config,
      PatchStore store,
      Path checkpointDirectory,
      ProgressListener progress,
      int threads) {
    if (store.tileSize() != config.architecture().tileSize()) {
      throw new IllegalArgumentException(
          store.directory() + ": tiles of " + store.tileSize() + " pixels, the architecture expects "
              + config.architecture().tileSize());
    }
    this.config = config;
    this.store = store;
    this.network = config.architecture().network();
    this.checkpointDirectory = checkpointDirectory;
    this.progress = progress;
    this.threads = threads;
    this.trainIndices = store.indicesExcludingFolds(config.validationFold());
    this.validationIndices = store.indicesInFolds(config.validationFold());
    if (trainIndices.length == 0 || validationIndices.length == 0) {
      throw new IllegalArgumentException(
          store.directory() + ": validation fold " + config.validationFold() + " leaves "
              + trainIndices.length + " training and " + validationIndices.length
              + " validation patches; both must be non-empty");
    }
    this.faintLesions = FaintLesionCopies.of(store, trainIndices, config.faintLesions());
  }

  /** Which lesion patches are drawn more often (per lesion type), for the run's log. */
  public String faintLesionSummary() {
    return faintLesions.summary();
  }

  /**
   * Trains from scratch, or from the checkpoint when {@code resume} is set and one exists, for at most
   * {@code epochLimit} epochs in this call (use {@link Integer#MAX_VALUE} for all).
   */
  public Checkpoint run(boolean resume, int epochLimit) throws IOException {
    return run(resume, epochLimit, null);
  }

  /**
   * As {@link #run(boolean, int)}, but a run that does not resume starts from {@code initialWeights}
   * (a trained model's weights, for fine-tuning; optimiser slots are dropped) instead of a fresh
   * initialisation; null for a fresh one.
   */
  public Checkpoint run(boolean resume, int epochLimit, Weights initialWeights) throws IOException {
    Weights start =
        initialWeights != null ? modelOnly(initialWeights) : Weights.initial(network.params(), config.seed());
    Checkpoint current =
        resume && Checkpoint.exists(checkpointDirectory)
            ? Checkpoint.read(checkpointDirectory)
            : new Checkpoint(start, TrainingState.start());
    int epochsRun = 0;
    while (!current.state().finished() && epochsRun < epochLimit) {
      Stage stage = current.state().stage();
      if (current.state().epochsDone() >= config.epochs(stage)) {
        current = new Checkpoint(modelOnly(current.weights()), current.state().nextStage());
        continue;
      }
      try (StageGraph graph =
          new StageGraph(
              network, stage, config.loss(), config.optimizer(), config.momentum(), threads)) {
        graph.load(current.weights());
        while (current.state().stage() == stage && epochsRun < epochLimit) {
          EpochRecord record = runEpoch(graph, stage, current.state().epochsDone());
          epochsRun++;
          double last = current.state().lastValidationLoss();
          boolean converged = Math.abs(record.validation().total() - last) < config.earlyStopDelta();
          boolean over = converged || record.epoch() >= config.epochs(stage);
          Weights weights = over ? modelOnly(graph.read()) : graph.read();
          current = new Checkpoint(weights, current.state().after(record, over));
          current.write(checkpointDirectory);
          progress.epoch(record, config.epochs(stage));
        }
      }
    }
    return current;
  }

  private EpochRecord runEpoch(StageGraph graph, Stage stage, int epoch) {
    long start = System.nanoTime();
    Random random = new Random(epochSeed(stage, epoch));
    List<int[]> batches =
        EpochBatches.of(
            trainIndices,
            i -> store.record(i).label() > 0,
            i -> faintLesions.copies()[i],
            config.batchSize(),
            config.lesionFraction(),
            config.batchesPerEpoch(),
            random);
    LossValues train = LossValues.NONE;
    double rate = 0;
    // The next batch is assembled (read, augmented) on another thread while the current one trains;
    // one thread in a fixed order, so the augmentation draws stay those of the epoch's generator.
    ExecutorService loader =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "latentcadx-batch-loader");
              thread.setDaemon(true);
              return thread;
            });
    try {
      Future<PatchBatch> next =
          loader.submit(() -> store.batch(batches.get(0), config.augmentation(), random));
      for (int i = 0; i < batches.size(); i++) {
        PatchBatch batch = next.get();
        if (i + 1 < batches.size()) {
          int[] following = batches.get(i + 1);
          next = loader.submit(() -> store.batch(following, config.augmentation(), random));
        }
        rate = config.learningRate(epoch, i + 1, batches.size());
        LossValues step = graph.trainStep(batch, rate, (long) epoch * batches.size() + i + 1);
        train = train.plus(step);
        progress.step(stage, epoch + 1, config.epochs(stage), i + 1, batches.size(), step);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while training", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not assemble a training batch", e.getCause());
    } finally {
      loader.shutdownNow();
    }
    LossValues validation = LossValues.NONE;
    float[] probabilities = new float[validationIndices.length];
    int[] labels = new int[validationIndices.length];
    MaskAgreement masks = new MaskAgreement();
    for (int from = 0; from < validationIndices.length; from += config.batchSize()) {
      int[] indices =
          Arrays.copyOfRange(
              validationIndices,
              from,
              Math.min(validationIndices.length, from + config.batchSize()));
      PatchBatch batch = store.batch(indices, Augmentation.none(), random);
      StageGraph.Evaluation evaluation = graph.evaluate(batch);
      validation = validation.plus(evaluation.losses());
      if (evaluation.masks() != null) {
        masks.add(batch, evaluation.masks());
      }
      System.arraycopy(evaluation.probabilities(), 0, probabilities, from, indices.length);
      for (int i = 0; i < indices.length; i++) {
        labels[from + i] = Math.round(batch.labels()[i]);
      }
    }
    double[] scores = new double[probabilities.length];
    Arrays.setAll(scores, i -> probabilities[i]);
    boolean bothClasses =
        Arrays.stream(labels).anyMatch(l -> l == 1) && Arrays.stream(labels).anyMatch(l -> l == 0);
    double auc = bothClasses ? RocCurve.of(labels, scores).auc() : Double.NaN;
    double ap = bothClasses ? PrecisionRecallCurve.of(labels, scores).averagePrecision() : Double.NaN;
    return new EpochRecord(
        stage,
        epoch + 1,
        rate,
        train,
        validation,
        auc,
        ap,
        masks.latentIou(),
        masks.iop(),
        (System.nanoTime() - start) / 1e9);
  }

  private long epochSeed(Stage stage, int epoch) {
    return config.seed() * 1_000_003L + stage.ordinal() * 10_007L + epoch;
  }

  /** The weights without optimiser slots (a new stage starts with a fresh optimiser). */
  private static Weights modelOnly(Weights weights) {
    Weights model = new Weights();
    weights.asMap().forEach(
        (name, value) -> {
          if (!StageGraph.isSlot(name)) {
            model.put(name, value);
          }
        });
    return model;
  }
}
