package org.latentcadx.cli.evaluate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.latentcadx.cli.ExitCodes;
import org.latentcadx.cli.UsageException;
import org.latentcadx.cli.io.AtomicFiles;
import org.latentcadx.cli.io.Json;
import org.latentcadx.cli.score.InputFile;
import org.latentcadx.cli.score.InputScanner;
import org.latentcadx.cli.score.ScoreResult;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.metrics.BootstrapIntervals;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code latentcadx evaluate}: metrics of a {@code score} output folder against ground truth. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Evaluates a 'latentcadx score' output folder against CBIS-DDSM-style description CSVs (mass"
          + " and calcification; the synthetic set's add a latent-truth mask column). Images are"
          + " matched by the SHA-256 of their files, so the folder layouts need not agree.",
      "Writes metrics.json, roc.png, pr.png, report.html and the worst cases' overlays (cases/)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the report was written",
      "1:the report was written, but some ground-truth images had no score",
      "2:usage error: bad option, unreadable ground truth or score folder",
      "3:the run stopped on an unexpected error"
    })
public final class EvaluateCommand implements Callable<Integer> {

  @Option(
      names = {"-g", "--ground-truth"},
      required = true,
      arity = "1..*",
      paramLabel = "CSV",
      description = "CBIS-DDSM-style description CSV(s).")
  private List<Path> groundTruth;

  @Option(
      names = "--data-root",
      paramLabel = "DIR",
      description = "Folder the CSVs' paths are relative to (default: each CSV's folder).")
  private Path dataRoot;

  @Option(
      names = {"-s", "--scores"},
      required = true,
      paramLabel = "DIR",
      description = "Output folder of 'latentcadx score'.")
  private Path scores;

  @Option(
      names = "--compare",
      paramLabel = "DIR",
      description = "Output folder of 'latentcadx score' with another model on the same images: the report"
          + " compares the two models' ROC AUCs (DeLong's test).")
  private Path compare;

  @Option(
      names = "--normals",
      arity = "1..*",
      paramLabel = "PATH",
      description = "Normal (lesion-free) images: files or folders, searched recursively.")
  private List<Path> normals = List.of();

  @Option(
      names = "--unlisted-as-normal",
      description = "Count scored images that are in no CSV (and not among --normals) as normal.")
  private boolean unlistedAsNormal;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description = "Report folder (created if missing).")
  private Path output;

  @Option(
      names = "--bootstrap",
      paramLabel = "N",
      defaultValue = "" + BootstrapIntervals.DEFAULT_REPLICATES,
      description = "Bootstrap replicates of the confidence intervals (default: ${DEFAULT-VALUE}).")
  private int replicates;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "20210401",
      description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(
      names = "--patch",
      paramLabel = "PIXELS",
      defaultValue = "" + PatchSampler.DEFAULT_PATCH,
      description =
          "Edge of the segmentation patch around each abnormality, at the model's scale"
              + " (default: ${DEFAULT-VALUE}, the paper's).")
  private int patch;

  @Option(
      names = "--worst",
      paramLabel = "N",
      defaultValue = "4",
      description = "Worst cases of each kind in the report (default: ${DEFAULT-VALUE}).")
  private int worst;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws UsageException, IOException {
    if (replicates < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--bootstrap must be at least 1, got " + replicates);
    }
    if (patch < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--patch must be at least 1, got " + patch);
    }
    if (worst < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--worst must be at least 0, got " + worst);
    }
    EvaluationSet set = match();
    ScoreResult reference = firstResult(set);
    double threshold = reference.settings().decisionThreshold();

    Map<String, ClassificationGroups.Group> classification =
        ClassificationGroups.compute(set, threshold, replicates, seed);
    SegmentationSection segmentation = segmentation(set);
    Froc froc = froc(set);
    ModelComparison comparison = comparison(set);
    Files.createDirectories(output);
    List<WorstCases.Case> worstCases = copyOverlays(WorstCases.select(set, worst), threshold, set);
    EvaluationReport report =
        new EvaluationReport(
            EvaluationReport.SCHEMA,
            reference.model(),
            threshold,
            counts(set),
            new EvaluationReport.Bootstrap(replicates, seed),
            classification,
            segmentation,
            froc,
            comparison,
            worstCases);

    AtomicFiles.write(output.resolve("metrics.json"), Json.mapper().writeValueAsBytes(report));
    AtomicFiles.write(output.resolve("roc.png"), CurvePlots.roc(rocCurves(classification)));
    AtomicFiles.write(output.resolve("pr.png"),
        CurvePlots.precisionRecall(prCurves(classification), prevalence(classification)));
    Exports.write(output, set, classification, froc);
    if (froc != null) {
      List<CurvePlots.Curve> frocCurves = new ArrayList<>();
      for (String group : froc.abnormalities().keySet()) {
        frocCurves.add(froc.curve(group));
      }
      double maxFp = froc.points().isEmpty() ? 1
          : Math.max(1, Math.ceil(froc.points().get(froc.points().size() - 1).falsePositivesPerImage()));
      AtomicFiles.write(output.resolve("froc.png"), CurvePlots.froc(frocCurves, maxFp));
    }
    AtomicFiles.write(
        output.resolve("report.html"),
        HtmlReport.render(report, "roc.png", "pr.png", "froc.png").getBytes(StandardCharsets.UTF_8));

    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "latentcadx evaluate: %d image(s) with lesions, %d normal; report in %s%n",
        set.positives().size(), set.negatives().size(), output.resolve("report.html"));
    for (Path missing : set.notScored()) {
      out.printf("  not scored: %s%n", missing);
    }
    out.flush();
    return set.notScored().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
  }

  private EvaluationSet match() throws UsageException, IOException {
    List<GroundTruthRow> rows = new ArrayList<>();
    try {
      for (Path csv : groundTruth) {
        Path root = dataRoot != null ? dataRoot : csv.toAbsolutePath().getParent();
        rows.addAll(GroundTruthCsv.read(csv, root));
      }
      List<Path> normalFiles = new ArrayList<>();
      if (!normals.isEmpty()) {
        for (InputFile file : new InputScanner(output).scan(normals).inputs()) {
          normalFiles.add(file.path());
        }
      }
      PrintWriter err = spec.commandLine().getErr();
      err.printf("latentcadx evaluate: reading the score results in %s%n", scores);
      err.flush();
      Map<String, ScoredImage> results = ScoreFolder.read(scores);
      EvaluationSet set = EvaluationSet.match(rows, normalFiles, results, unlistedAsNormal, (done, total) -> {
        if (done == total || done % 100 == 0) {
          err.printf("latentcadx evaluate: hashed %d of %d images to match them to their results%n", done, total);
          err.flush();
        }
      });
      if (set.negatives().isEmpty()) {
        err.println("latentcadx evaluate: WARNING: no normal image (give --normals, or --unlisted-as-normal):"
            + " image-level classification metrics (ROC AUC, average precision, specificity) are unavailable;"
            + " the report has segmentation metrics only");
        err.flush();
      }
      return set;
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  private SegmentationSection segmentation(EvaluationSet set) throws UsageException, IOException {
    if (set.positives().isEmpty()) {
      return null;
    }
    boolean mapsWritten = set.positives().stream()
        .allMatch(positive -> positive.image().result().outputs() != null
            && positive.image().result().outputs().probabilityMap() != null);
    if (!mapsWritten) {
      spec.commandLine().getErr().println("latentcadx evaluate: segmentation metrics skipped: they need each"
          + " image's probability map, and these results were scored without files (latentcadx-spark score"
          + " without --files)");
      return null;
    }
    try {
      return SegmentationSection.compute(set, patch);
    } catch (LatentCadxException e) {
      throw new UsageException(e.code() + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  private ModelComparison comparison(EvaluationSet set) throws UsageException, IOException {
    if (compare == null) {
      return null;
    }
    try {
      return ModelComparison.of(set, ScoreFolder.read(compare));
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException("--compare " + compare + ": " + e.getMessage(), e);
    }
  }

  private static Froc froc(EvaluationSet set) throws UsageException {
    if (set.positives().isEmpty()) {
      return null;
    }
    try {
      return Froc.compute(set);
    } catch (LatentCadxException e) {
      throw new UsageException(e.code() + ": " + e.getMessage(), e);
    }
  }

  private static ScoreResult firstResult(EvaluationSet set) throws UsageException {
    if (!set.positives().isEmpty()) {
      return set.positives().get(0).image().result();
    }
    if (!set.negatives().isEmpty()) {
      return set.negatives().get(0).result();
    }
    throw new UsageException(
        "no ground-truth or normal image has a score in the score folder; were the same files scored?");
  }

  private static EvaluationReport.Counts counts(EvaluationSet set) {
    Map<String, Integer> abnormalities = new LinkedHashMap<>();
    for (LesionType type : LesionType.values()) {
      abnormalities.put(type.label(), 0);
    }
    for (EvaluationSet.Positive positive : set.positives()) {
      positive.rows().forEach(row -> abnormalities.merge(row.type().label(), 1, Integer::sum));
    }
    return new EvaluationReport.Counts(
        set.positives().size(), set.negatives().size(), abnormalities, set.notScored().size());
  }

  /**
   * The worst cases with their pictures in {@code cases/}: a lesion image's prediction beside its ground
   * truth ({@link TruthPanel}), a normal image's overlay as it is.
   */
  private List<WorstCases.Case> copyOverlays(
      List<WorstCases.Candidate> candidates, double threshold, EvaluationSet set)
      throws IOException, UsageException {
    List<WorstCases.Case> cases = new ArrayList<>();
    int index = 0;
    for (WorstCases.Candidate candidate : candidates) {
      index++;
      ScoreResult result = candidate.image().result();
      String overlay = null;
      String name = result.outputs() == null ? null : result.outputs().overlayPng();
      if (name != null && Files.isRegularFile(candidate.image().sibling(name))) {
        overlay = String.format(Locale.ROOT, "cases/%02d-%s.png", index, candidate.kind().name().toLowerCase(Locale.ROOT));
        byte[] png = Files.readAllBytes(candidate.image().sibling(name));
        List<GroundTruthRow> truth = set.positives().stream()
            .filter(positive -> positive.image().equals(candidate.image()))
            .flatMap(positive -> positive.rows().stream()).toList();
        if (!truth.isEmpty()) {
          try {
            png = TruthPanel.beside(png, result.input().width(), result.input().height(), truth);
          } catch (LatentCadxException e) {
            throw new UsageException(e.code() + ": " + e.getMessage(), e);
          }
        }
        AtomicFiles.write(output.resolve(overlay), png);
      }
      boolean lesion = candidate.kind() == WorstCases.Kind.LESION_SCORED_LOW;
      boolean calledPositive = result.imageProbability() >= threshold;
      cases.add(
          new WorstCases.Case(
              result.input().file(),
              candidate.kind(),
              result.imageProbability(),
              lesion != calledPositive,
              candidate.lesionTypes(),
              overlay));
    }
    return cases;
  }

  private static List<CurvePlots.Curve> rocCurves(Map<String, ClassificationGroups.Group> groups) {
    return curves(
        groups,
        metrics -> new double[][] {metrics.roc().falsePositiveRates(), metrics.roc().truePositiveRates()},
        metrics -> String.format(Locale.ROOT, "AUC %.3f", metrics.rocAuc().estimate()));
  }

  private static List<CurvePlots.Curve> prCurves(Map<String, ClassificationGroups.Group> groups) {
    return curves(
        groups,
        metrics -> CurvePlots.steps(metrics.precisionRecall().recall(), metrics.precisionRecall().precision()),
        metrics -> String.format(Locale.ROOT, "AP %.3f", metrics.averagePrecision().estimate()));
  }

  /** The share of images with a lesion in the {@code all} group; 0 when it has no metrics. */
  private static double prevalence(Map<String, ClassificationGroups.Group> groups) {
    ClassificationReport all = groups.get(ClassificationGroups.ALL).metrics();
    return all == null ? 0 : (double) all.positives() / (all.positives() + all.negatives());
  }

  /** One curve per group with metrics, named {@code "<group> (<summary>)"}. */
  private static List<CurvePlots.Curve> curves(
      Map<String, ClassificationGroups.Group> groups,
      Function<ClassificationReport, double[][]> pointsOf,
      Function<ClassificationReport, String> summaryOf) {
    List<CurvePlots.Curve> curves = new ArrayList<>();
    groups.forEach(
        (name, group) -> {
          if (group.metrics() != null) {
            double[][] points = pointsOf.apply(group.metrics());
            curves.add(new CurvePlots.Curve(
                name, name + " (" + summaryOf.apply(group.metrics()) + ")", points[0], points[1]));
          }
        });
    return curves;
  }
}
