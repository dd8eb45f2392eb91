package org.latentcadx.cli.score;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.latentcadx.cli.io.AtomicFiles;
import org.latentcadx.cli.io.CsvTable;
import org.latentcadx.cli.io.Json;

/**
 * Writes the run-level files of {@code score}: {@code summary.csv} (one row per input that is done,
 * deterministic), {@code errors.csv} (one row per failed input: file, reason) and {@code timings.csv}
 * (per-stage milliseconds of every input that is done, as last measured; not deterministic).
 */
public final class RunReports {

  static final List<String> SUMMARY_HEADER =
      List.of(
          "file",
          "format",
          "input_sha256",
          "width",
          "height",
          "image_probability",
          "positive",
          "lesions",
          "max_lesion_peak",
          "provider",
          "model",
          "model_sha256");

  private final ResultStore store;

  public RunReports(ResultStore store) {
    this.store = store;
  }

  /** Writes all three files, each atomically. */
  public void write(BatchRunner.Outcome outcome) throws IOException {
    OutputLayout layout = store.layout();
    AtomicFiles.write(layout.summaryCsv(), summary(outcome.results()).toBytes());
    AtomicFiles.write(layout.errorsCsv(), errors(outcome.failures()).toBytes());
    AtomicFiles.write(layout.timingsCsv(), timings(outcome.results()).toBytes());
  }

  static CsvTable summary(List<ScoreResult> results) {
    CsvTable table = new CsvTable(SUMMARY_HEADER);
    for (ScoreResult result : results) {
      double maxPeak =
          result.lesions().stream().mapToDouble(ScoreResult.Lesion::peakProbability).max().orElse(0);
      table.add(
          List.of(
              result.input().file(),
              result.input().format(),
              result.input().sha256(),
              Integer.toString(result.input().width()),
              Integer.toString(result.input().height()),
              Json.plain(result.imageProbability()),
              Boolean.toString(result.positive()),
              Integer.toString(result.lesions().size()),
              Json.plain(maxPeak),
              result.provider(),
              result.model().name() + " " + result.model().version(),
              result.model().sha256()));
    }
    return table;
  }

  static CsvTable errors(List<BatchRunner.Failure> failures) {
    CsvTable table = new CsvTable(List.of("file", "reason"));
    failures.forEach(failure -> table.add(List.of(failure.file(), failure.reason())));
    return table;
  }

  private CsvTable timings(List<ScoreResult> results) {
    List<Map<String, Double>> perInput = new ArrayList<>();
    TreeSet<String> stages = new TreeSet<>();
    for (ScoreResult result : results) {
      Map<String, Double> timings = store.readTimings(result.input().file());
      perInput.add(timings);
      stages.addAll(timings.keySet());
    }
    List<String> header = new ArrayList<>();
    header.add("file");
    stages.forEach(stage -> header.add(stage + "_ms"));
    CsvTable table = new CsvTable(header);
    for (int i = 0; i < results.size(); i++) {
      List<String> row = new ArrayList<>();
      row.add(results.get(i).input().file());
      Map<String, Double> timings = perInput.get(i);
      stages.forEach(stage -> row.add(timings.containsKey(stage) ? Json.plain(timings.get(stage)) : ""));
      table.add(row);
    }
    return table;
  }
}
