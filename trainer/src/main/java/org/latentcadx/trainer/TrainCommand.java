package org.latentcadx.trainer;

import com.google.common.hash.Hashing;
import com.google.common.io.ByteSource;
import com.google.common.io.MoreFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentcadx.trainer.data.PatchStore;
import org.latentcadx.trainer.model.Architecture;
import org.latentcadx.trainer.onnx.ContractMetadata;
import org.latentcadx.trainer.onnx.ModelExport;
import org.latentcadx.trainer.train.Checkpoint;
import org.latentcadx.trainer.train.HistoryFiles;
import org.latentcadx.trainer.train.LossPreset;
import org.latentcadx.trainer.train.LossWeights;
import org.latentcadx.trainer.train.MaskLoss;
import org.latentcadx.trainer.train.Objective;
import org.latentcadx.trainer.train.Optimizer;
import org.latentcadx.trainer.train.ProgressListener;
import org.latentcadx.trainer.train.Stage;
import org.latentcadx.trainer.train.Trainer;
import org.latentcadx.trainer.train.FaintLesionSampling;
import org.latentcadx.trainer.train.TrainingConfig;
import org.tensorflow.TensorFlow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains LatentCADx (or the annotation-supervised baseline) on a patch store and exports the ONNX
 * model. Writes into the output directory: {@code checkpoint/} (resumable), {@code history.csv},
 * {@code loss.png} and, when all stages are done, {@code <model-name>.onnx}.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Train LatentCADx on a patch store and export it as ONNX.")
public final class TrainCommand implements Callable<Integer> {
  @Option(names = "--store", required = true, description = "Patch store directory.")
  Path store;

  @Option(names = "--output", required = true, description = "Output directory.")
  Path output;

  @Option(
      names = "--preset",
      defaultValue = "lite",
      completionCandidates = PresetNames.class,
      description = "Network: ${COMPLETION-CANDIDATES} (${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--baseline", description = "Train the annotation-supervised baseline (per-pixel BCE on outlines).")
  boolean baseline;

  @Option(names = "--loss-preset", defaultValue = "default", description = "default (α=2, β=1, γ=1, region means with the in-outline term over lesion patches, top fraction 0.25, pairwise λ=10, σ=0.05: the study's winner) or paper-literal (α=2, β=1, γ=0.5, region means, every in-outline pixel pushed up, no pairwise term); the options below override single parts.")
  String lossPreset;

  @Option(names = "--mask-weighting", description = "paper-region-means, region-means (in-outline term over lesion patches only) or pixels (both terms over the same pixel count).")
  String maskWeighting;

  @Option(names = "--top-fraction", description = "Share of each outline (its most lesion-like pixels) pushed up; 1 pushes up all of it.")
  Double topFraction;

  @Option(names = "--pairwise", description = "λ of the grey-level pairwise consistency term; 0 turns it off.")
  Double pairwise;

  @Option(names = "--pairwise-sigma", description = "Grey-level difference scale σ of the pairwise term.")
  Double pairwiseSigma;

  @Option(names = "--alpha", description = "Override α (classification).")
  Double alpha;

  @Option(names = "--beta", description = "Override β (in-outline term).")
  Double beta;

  @Option(names = "--gamma", description = "Override γ (out-of-outline term).")
  Double gamma;

  @Option(names = "--epochs-r", defaultValue = "50", description = "Epochs of stage R (${DEFAULT-VALUE}).")
  int epochsR;

  @Option(names = "--epochs-l1", defaultValue = "15", description = "Epochs of stage L1 (${DEFAULT-VALUE}).")
  int epochsL1;

  @Option(names = "--epochs-l2", defaultValue = "50", description = "Epochs of stage L2 (${DEFAULT-VALUE}).")
  int epochsL2;

  @Option(names = "--batch-size", defaultValue = "32", description = "Batch size (${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--lesion-fraction", defaultValue = "0.5", description = "Share of lesion patches in every batch; 0 keeps the data's natural mix (${DEFAULT-VALUE}).")
  double lesionFraction;

  @Option(names = "--batches-per-epoch", defaultValue = "0", description = "Updates per epoch with a lesion fraction, so that stores of different sizes share a schedule; 0: training patches / batch size (${DEFAULT-VALUE}).")
  int batchesPerEpoch;

  @Option(names = "--faint-lesion-weight", defaultValue = "1", description = "Draw the faintest lesion patches (lowest contrast-to-noise against their outline's margin) this many times as often; 1 turns it off (${DEFAULT-VALUE}).")
  int faintLesionWeight;

  @Option(names = "--faint-lesion-share", defaultValue = "0.3", description = "Share of each lesion type's training patches counted faint (${DEFAULT-VALUE}).")
  double faintLesionShare;

  @Option(names = "--optimizer", defaultValue = "adam", description = "adam or sgd (${DEFAULT-VALUE}).")
  String optimizer;

  @Option(names = "--learning-rate", defaultValue = "0.001", description = "Initial learning rate of each stage (${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--warmup-steps", defaultValue = "0", description = "Linear learning-rate warm-up over the first N steps of each stage (${DEFAULT-VALUE}).")
  int warmupSteps;

  @Option(names = "--halve-every", defaultValue = "10", description = "Halve the learning rate every N epochs (${DEFAULT-VALUE}).")
  int halveEvery;

  @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum, 0 for plain SGD; ignored by Adam (${DEFAULT-VALUE}).")
  double momentum;

  @Option(names = "--early-stop-delta", defaultValue = "1e-6", description = "End a stage when the validation loss changes by less (${DEFAULT-VALUE}).")
  double earlyStopDelta;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of initialisation, data order and augmentation (${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--validation-fold", defaultValue = "0", description = "Held-out fold (${DEFAULT-VALUE}).")
  int validationFold;

  @Mixin AugmentationOptions augmentation;

  @Option(names = "--resume", description = "Continue from the checkpoint in the output directory.")
  boolean resume;

  @Option(names = "--initial-weights", description = "Start from the model weights in this checkpoint directory (a finished run's checkpoint/) with a fresh optimiser: fine-tuning, e.g. on a store with mined hard negatives.")
  Path initialWeights;

  @Option(names = "--max-epochs", defaultValue = "2147483647", description = "Stop after this many epochs in this invocation (resume later).")
  int maxEpochs;

  @Option(names = "--threads", defaultValue = "0", description = "TensorFlow threads per op, 0 for one per core (${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--model-name", description = "Name of the exported model (default latentcadx-<preset> or baseline-<preset>).")
  String modelName;

  @Option(names = "--decision-threshold", defaultValue = "0.5", description = "Decision threshold written into the model's metadata: lesion pixels and positive tiles (${DEFAULT-VALUE}); choose it on validation images, e.g. with ImageStudyCommand --fold.")
  double decisionThreshold;

  @Option(names = "--map-smoothing", defaultValue = "0", description = "Map smoothing written into the model's metadata: the standard deviation, in map pixels from 0 to 64, of the Gaussian the SDK smooths the probability map with before lesions are extracted (${DEFAULT-VALUE}: none); choose the decision threshold with it.")
  double mapSmoothing;

  @Option(names = "--normalization", defaultValue = "bits_stored", description = "Normalisation the model expects, written into its metadata: bits_stored or optical_density (${DEFAULT-VALUE}).")
  String normalization;

  public static void main(String[] args) {
    System.exit(new CommandLine(new TrainCommand()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    Architecture architecture = Architecture.preset(preset);
    TrainingConfig config = config(architecture);
    PatchStore patches = PatchStore.open(store);
    Files.createDirectories(output);
    boolean terminal = System.console() != null;
    ProgressListener console = new ConsoleProgress(System.out, terminal);
    ProgressListener progress =
        new ProgressListener() {
          @Override
          public void step(Stage stage, int epoch, int epochs, int step, int steps,
              org.latentcadx.trainer.train.LossValues loss) {
            console.step(stage, epoch, epochs, step, steps, loss);
          }

          @Override
          public void epoch(org.latentcadx.trainer.train.EpochRecord record, int epochs) {
            console.epoch(record, epochs);
            writeHistory();
          }
        };
    Trainer trainer = new Trainer(config, patches, output.resolve("checkpoint"), progress, threads);
    if (config.faintLesions().active()) {
      System.out.println(trainer.faintLesionSummary());
    }
    Checkpoint result =
        trainer.run(
            resume, maxEpochs, initialWeights == null ? null : Checkpoint.read(initialWeights).weights());
    writeHistory();
    if (!result.state().finished()) {
      System.out.println("Stopped before the end; continue with --resume.");
      return 0;
    }
    String name = modelName != null ? modelName : defaultModelName();
    Path model = output.resolve(name + ".onnx");
    ContractMetadata metadata =
        ContractMetadata.defaults(name, architecture, normalization, provenance(config, result))
            .withDecisionThreshold(decisionThreshold)
            .withMapSmoothing(mapSmoothing);
    ModelExport.write(model, architecture.network(), result.weights(), metadata);
    System.out.println("Wrote " + model);
    return 0;
  }

  private void writeHistory() {
    try {
      Checkpoint checkpoint = Checkpoint.read(output.resolve("checkpoint"));
      HistoryFiles.writeCsv(output.resolve("history.csv"), checkpoint.state().history());
      HistoryFiles.writePlot(output.resolve("loss.png"), checkpoint.state().history());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write the loss history to " + output, e);
    }
  }

  private String defaultModelName() {
    return (baseline ? "baseline-" : "latentcadx-") + preset.toLowerCase(Locale.ROOT);
  }

  TrainingConfig config(Architecture architecture) {
    LossPreset preset = LossPreset.of(lossPreset);
    LossWeights weights =
        new LossWeights(
            alpha != null ? alpha : preset.weights().alpha(),
            beta != null ? beta : preset.weights().beta(),
            gamma != null ? gamma : preset.weights().gamma());
    MaskLoss mask = preset.maskLoss();
    MaskLoss maskLoss =
        new MaskLoss(
            maskWeighting != null ? MaskLoss.weighting(maskWeighting) : mask.weighting(),
            topFraction != null ? topFraction : mask.topFraction(),
            pairwise != null ? pairwise : mask.pairwiseWeight(),
            pairwiseSigma != null ? pairwiseSigma : mask.pairwiseSigma());
    Map<Stage, Integer> epochs = new EnumMap<>(Stage.class);
    epochs.put(Stage.R, epochsR);
    epochs.put(Stage.L1, epochsL1);
    epochs.put(Stage.L2, epochsL2);
    return new TrainingConfig(
        architecture,
        baseline ? Objective.BASELINE : Objective.LATENT,
        weights,
        maskLoss,
        epochs,
        batchSize,
        lesionFraction,
        batchesPerEpoch,
        new FaintLesionSampling(faintLesionShare, faintLesionWeight),
        Optimizer.of(optimizer),
        learningRate,
        halveEvery,
        warmupSteps,
        momentum,
        earlyStopDelta,
        seed,
        validationFold,
        augmentation.augmentation());
  }

  private Map<String, String> provenance(TrainingConfig config, Checkpoint result)
      throws IOException {
    Map<String, String> p = new LinkedHashMap<>();
    ByteSource data =
        ByteSource.concat(
            MoreFiles.asByteSource(store.resolve("index.json")),
            MoreFiles.asByteSource(store.resolve("patches.bin")));
    p.put("dataset_sha256", data.hash(Hashing.sha256()).toString());
    p.put("preset", config.architecture().name());
    p.put("objective", config.objective().name().toLowerCase(Locale.ROOT));
    LossWeights w = config.lossWeights();
    p.put("loss_weights", String.format(Locale.ROOT, "alpha=%s,beta=%s,gamma=%s", w.alpha(), w.beta(), w.gamma()));
    Map<Stage, Long> run = new EnumMap<>(Stage.class);
    result.state().history().forEach(r -> run.merge(r.stage(), 1L, Long::sum));
    p.put("epochs", String.format(Locale.ROOT, "R=%d,L1=%d,L2=%d", run.getOrDefault(Stage.R, 0L),
        run.getOrDefault(Stage.L1, 0L), run.getOrDefault(Stage.L2, 0L)));
    if (config.objective() == Objective.LATENT) {
      p.put("mask_loss", config.maskLoss().describe());
    }
    p.put("schedule", String.format(Locale.ROOT,
        "%s lr=%s halved every %d epochs, warm-up %d steps, momentum=%s, batch=%d, lesion fraction=%s"
            + (config.batchesPerEpoch() > 0 ? ", " + config.batchesPerEpoch() + " batches per epoch" : ""),
        config.optimizer().name().toLowerCase(Locale.ROOT), config.learningRate(),
        config.halvingEpochs(), config.warmupSteps(), config.momentum(), config.batchSize(),
        config.lesionFraction())
            + (config.faintLesions().active() ? ", " + config.faintLesions().describe() : ""));
    p.put("augmentation", config.augmentation().describe());
    if (initialWeights != null) {
      p.put("initial_weights_sha256",
          MoreFiles.asByteSource(initialWeights.resolve(Checkpoint.WEIGHTS)).hash(Hashing.sha256()).toString());
    }
    p.put("seed", Long.toString(config.seed()));
    p.put("validation_fold", Integer.toString(config.validationFold()));
    p.put("date", Instant.now().toString());
    p.put("tensorflow_version", TensorFlow.version());
    p.put("trainer_version", TrainerVersion.get());
    return p;
  }

  /** The architecture presets' names, for {@code --preset}'s help. */
  static final class PresetNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Architecture.presetNames().iterator();
    }
  }
}
