package org.latentcadx.cli.score;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.latentcadx.cli.ExitCodes;
import org.latentcadx.cli.ModelOption;
import org.latentcadx.cli.UsageException;
import org.latentcadx.cli.io.AtomicFiles;
import org.latentcadx.sdk.Aggregation;
import org.latentcadx.sdk.DdsmScanner;
import org.latentcadx.sdk.Device;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.ModelInfo;
import org.latentcadx.sdk.model.ModelContract;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code latentcadx score}: scores mammograms in batch; see {@code cli/README.md} for the outputs. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Scores mammograms (DICOM, 16-bit PNG, TIFF; folders searched recursively) and writes, per image,"
          + " a JSON result, a probability map and an overlay PNG (and, for DICOM inputs, a DICOM SEG and"
          + " a secondary-capture overlay); per run summary.csv, errors.csv and timings.csv.",
      "A rerun skips images already done (same file, model and settings); --force redoes them."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every input was scored (or was already done)",
      "1:some inputs failed; they are listed in errors.csv, the others were scored",
      "2:usage error: bad option, missing input, output that is not a folder, unusable model or device",
      "3:the run stopped on an unexpected error"
    })
public final class ScoreCommand implements Callable<Integer> {

  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description = "Image files and folders (searched recursively).")
  private List<Path> inputs;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description = "Output folder (created if missing).")
  private Path output;

  @CommandLine.Mixin private ModelOption model;

  @Option(
      names = "--device",
      paramLabel = "DEVICE",
      defaultValue = "auto",
      converter = OptionConverters.DeviceConverter.class,
      description = "auto, cpu, cuda or cuda:N (default: ${DEFAULT-VALUE}: CUDA GPU 0 when usable, else CPU).")
  private Device device;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "8",
      description = "Tiles per model run, 1 to 1024 (default: ${DEFAULT-VALUE}).")
  private int batchSize;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "CPU budget: at most N threads busy at once, counting ONNX Runtime's, decoding and writing,"
          + " 1 to 256. Inference runs one image at a time with N - (jobs - 1) threads while each other job"
          + " decodes or writes on one (default: all processors).")
  private Integer threads;

  @Option(
      names = "--stride",
      paramLabel = "PIXELS",
      description = "Tile stride in model-scale pixels, 1 to the tile size (default: the model's).")
  private Integer stride;

  @Option(
      names = "--map-smoothing",
      paramLabel = "SIGMA",
      description = "Gaussian standard deviation, map pixels from 0 to 64, by which the probability map is"
          + " smoothed before lesions are taken; 0: as stitched (default: the model's"
          + " latentcadx.map_smoothing_sigma, 0 when it has none).")
  private Double mapSmoothing;

  @Option(
      names = "--aggregation",
      paramLabel = "RULE",
      defaultValue = "max",
      converter = OptionConverters.AggregationConverter.class,
      description =
          "Image probability from tile probabilities: max, noisy-or, top-k or top-k:K (mean of the K"
              + " largest; K defaults to " + OptionConverters.DEFAULT_TOP_K + ") (default: ${DEFAULT-VALUE}).")
  private Aggregation aggregation;

  @Option(
      names = "--scanner",
      paramLabel = "SCANNER",
      description =
          "DDSM digitiser of the images, for models that expect optical densities: ${COMPLETION-CANDIDATES}"
              + " (ignored by other models).")
  private DdsmScanner scanner;

  @Option(
      names = "--outputs",
      paramLabel = "LIST",
      defaultValue = "map,overlay,seg,sr",
      description = "Per-image files besides the JSON result, comma-separated: map, overlay, seg, sr, overlay-dcm"
          + " (the overlay as a DICOM secondary capture), all or none (default: ${DEFAULT-VALUE}; seg, sr and"
          + " overlay-dcm are written for DICOM inputs only).")
  private String outputList;

  /** {@code --outputs} parsed, by {@link #checkOptions}. */
  private java.util.Set<ImageOutput> chosenOutputs;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      defaultValue = "1",
      description = "Images in flight at once, 1 to 16 and at most --threads: one decodes while another is"
          + " inferred or its files are written. Each needs heap for one image (budget 256 MB for a"
          + " 4000 x 6000 mammogram) (default: ${DEFAULT-VALUE}).")
  private int jobs;

  @Option(names = "--force", description = "Score every input again, even those already done.")
  private boolean force;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws UsageException, IOException, LatentCadxException {
    checkOptions();
    PrintWriter out = spec.commandLine().getOut();
    InputScanner.Scan scan = scan();
    OutputLayout layout = new OutputLayout(output);
    try (LesionDetector detector = openDetector()) {
      ModelInfo info = detector.modelInfo();
      ScoreResult.Settings settings =
          ScoreResult.Settings.of(detector, OptionConverters.text(aggregation), scanner);
      out.printf(
          "latentcadx score: %d input(s), model %s %s (sha256 %s) on %s%s%n",
          scan.inputs().size() + scan.unrecognised().size(),
          info.name(),
          info.version(),
          info.sha256(),
          detector.executionProvider(),
          cudaNote(detector));
      info.intendedUse().ifPresent(use -> out.printf("  intended use: %s%n", use));
      out.flush();
      AtomicFiles.deleteLeftovers(layout.folder());
      ResultStore store = new ResultStore(layout);
      DetectorScorer scorer = new DetectorScorer(detector, layout, settings, chosenOutputs);
      BatchRunner runner = new BatchRunner(store, scorer, info.sha256(), settings, force, jobs);
      BatchRunner.Outcome outcome =
          runner.run(
              scan.inputs(), Progress.to(spec.commandLine().getErr(), System.console() != null));
      List<BatchRunner.Failure> failures = new ArrayList<>(outcome.failures());
      for (InputScanner.Unrecognised file : scan.unrecognised()) {
        failures.add(
            new BatchRunner.Failure(
                file.key(),
                "UNSUPPORTED_FORMAT: " + file.key() + " is not a DICOM, PNG or TIFF file"
                    + " (by content or extension)"));
      }
      failures.sort(Comparator.comparing(BatchRunner.Failure::file));
      printFailures(failures);
      BatchRunner.Outcome reported =
          new BatchRunner.Outcome(outcome.results(), failures, outcome.scored(), outcome.skipped());
      new RunReports(store).write(reported);
      out.printf(
          "latentcadx score: %d scored, %d already done, %d failed; results in %s%n",
          outcome.scored(), outcome.skipped(), failures.size(), layout.folder());
      out.printf("  summary: %s%n", layout.summaryCsv());
      boolean studyReportsWritten = writeStudyReports(scorer, layout, out);
      if (!failures.isEmpty()) {
        out.printf("  errors:  %s%n", layout.errorsCsv());
      }
      out.flush();
      return failures.isEmpty() && studyReportsWritten ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }
  }

  /** Writes the per-study CAD SRs; false (after saying why) when they could not be written. */
  private boolean writeStudyReports(DetectorScorer scorer, OutputLayout layout, PrintWriter out) {
    try {
      int written = scorer.writeStudyReports();
      if (written > 0) {
        out.printf("  CAD SR of %d multi-image stud%s: %s%n", written, written == 1 ? "y" : "ies",
            layout.folder().resolve(OutputLayout.STUDIES));
      }
      return true;
    } catch (IOException | LatentCadxException e) {
      spec.commandLine().getErr().println("latentcadx score: per-study CAD SRs not written: " + e.getMessage());
      return false;
    }
  }

  /** The outputs {@code --outputs} names. */
  private java.util.Set<ImageOutput> outputs() throws UsageException {
    java.util.Set<ImageOutput> outputs = java.util.EnumSet.noneOf(ImageOutput.class);
    for (String name : outputList.split(",")) {
      if (name.strip().equals("all")) {
        outputs.addAll(java.util.EnumSet.allOf(ImageOutput.class));
      } else if (!name.strip().equals("none") && !name.isBlank()) {
        try {
          outputs.add(ImageOutput.parse(name));
        } catch (IllegalArgumentException e) {
          throw new UsageException("--outputs: " + e.getMessage(), e);
        }
      }
    }
    return outputs;
  }

  /** Options the SDK would refuse later, checked before anything is read or loaded, each named. */
  private void checkOptions() throws UsageException {
    chosenOutputs = outputs();
    if (jobs < 1 || jobs > 16) {
      throw new UsageException("--jobs must be 1 to 16, got " + jobs);
    }
    if (batchSize < 1 || batchSize > 1024) {
      throw new UsageException("--batch-size must be 1 to 1024, got " + batchSize);
    }
    if (threads != null && (threads < 1 || threads > 256)) {
      throw new UsageException("--threads must be 1 to 256, got " + threads);
    }
    if (jobs > cpuBudget()) {
      throw new UsageException("--jobs " + jobs + " needs a CPU budget of at least " + jobs
          + " threads (each image in flight decodes or writes on one); --threads is " + cpuBudget());
    }
    if (stride != null && stride < 1) {
      throw new UsageException("--stride must be at least 1 (and at most the model's tile size), got " + stride);
    }
    if (mapSmoothing != null && !(mapSmoothing >= 0 && mapSmoothing <= ModelContract.MAX_MAP_SMOOTHING)) {
      throw new UsageException("--map-smoothing must be in [0, 64] map pixels, got " + mapSmoothing);
    }
    if (java.nio.file.Files.exists(output) && !java.nio.file.Files.isDirectory(output)) {
      throw new UsageException("-o " + output + " is a file; expected a folder (created if missing)");
    }
  }

  /** {@code --threads}, or every available processor. */
  private int cpuBudget() {
    return threads != null ? threads : Runtime.getRuntime().availableProcessors();
  }

  /** Why CUDA is not used, in one sentence, and only when a device was asked for. */
  private String cudaNote(LesionDetector detector) {
    if (!spec.commandLine().getParseResult().hasMatchedOption("--device")) {
      return "";
    }
    return detector.deviceFallbackReason()
        .map(reason -> " (no CUDA: " + firstSentence(reason) + ")")
        .orElse("");
  }

  private static String firstSentence(String text) {
    int end = text.indexOf(". ");
    String sentence = end < 0 ? text : text.substring(0, end + 1);
    return sentence.length() <= 160 ? sentence : sentence.substring(0, 157) + "...";
  }

  /** Each failed input on standard error (the first 20; all are in errors.csv). */
  private void printFailures(List<BatchRunner.Failure> failures) {
    PrintWriter err = spec.commandLine().getErr();
    int shown = Math.min(failures.size(), 20);
    for (BatchRunner.Failure failure : failures.subList(0, shown)) {
      err.println("  failed: " + failure.file() + ": " + failure.reason());
    }
    if (failures.size() > shown) {
      err.println("  ... and " + (failures.size() - shown) + " more in errors.csv");
    }
    err.flush();
  }

  private InputScanner.Scan scan() throws UsageException, IOException {
    InputScanner.Scan scan;
    try {
      scan = new InputScanner(output).scan(inputs);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    if (scan.inputs().isEmpty() && scan.unrecognised().isEmpty()) {
      throw new UsageException("no DICOM, PNG or TIFF file found in " + inputs);
    }
    return scan;
  }

  private LesionDetector openDetector() throws UsageException {
    return model.open(
        builder -> {
          builder.device(device).batchSize(batchSize).aggregation(aggregation);
          builder.intraOpThreads(cpuBudget() - (jobs - 1));
          if (stride != null) {
            builder.stride(stride);
          }
          if (mapSmoothing != null) {
            builder.mapSmoothing(mapSmoothing);
          }
          if (scanner != null) {
            builder.scanner(scanner);
          }
          return builder;
        });
  }
}
