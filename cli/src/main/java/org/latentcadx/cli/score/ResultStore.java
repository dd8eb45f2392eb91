package org.latentcadx.cli.score;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.latentcadx.cli.io.AtomicFiles;
import org.latentcadx.cli.io.Json;

/**
 * Reads and writes the per-image results of an output folder, and decides whether an input is done.
 *
 * <p>An input is <em>done</em> when its JSON result exists and parses, has the current schema, records
 * the SHA-256 of the file as it is now, the SHA-256 of the model in use and the same result-changing
 * settings, and every output file it lists exists. The JSON is written after all other files of the
 * input (each atomically), so a run stopped at any point leaves the input either done or not done —
 * never done with missing or half-written files.
 */
public final class ResultStore {

  private final OutputLayout layout;

  public ResultStore(OutputLayout layout) {
    this.layout = Objects.requireNonNull(layout, "layout");
  }

  public OutputLayout layout() {
    return layout;
  }

  /**
   * The stored result of {@code key} when it is done for these inputs, model and settings; empty when
   * the input must be scored (again).
   */
  public Optional<ScoreResult> readIfDone(
      String key, String inputSha256, String modelSha256, ScoreResult.Settings settings) {
    Path file = layout.result(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    ScoreResult stored;
    try {
      stored = Json.mapper().readValue(file.toFile(), ScoreResult.class);
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
    boolean current =
        ScoreResult.SCHEMA.equals(stored.schema())
            && stored.input() != null
            && inputSha256.equals(stored.input().sha256())
            && stored.model() != null
            && modelSha256.equals(stored.model().sha256())
            && settings.equals(stored.settings())
            && stored.outputs() != null
            && stored.outputs().names().stream()
                .allMatch(name -> Files.isRegularFile(file.resolveSibling(name)));
    return current ? Optional.of(stored) : Optional.empty();
  }

  /** Writes the timings, then the result (which marks the input done), each atomically. */
  public void write(String key, ScoreResult result, Map<String, Double> timingsMs) throws IOException {
    AtomicFiles.write(layout.timings(key), Json.mapper().writeValueAsBytes(timingsMs));
    AtomicFiles.write(layout.result(key), Json.mapper().writeValueAsBytes(result));
  }

  /** The stored per-stage timings of {@code key}, empty when absent or unreadable. */
  public Map<String, Double> readTimings(String key) {
    try {
      return Json.mapper()
          .readerForMapOf(Double.class)
          .readValue(layout.timings(key).toFile());
    } catch (IOException | RuntimeException unreadable) {
      return Map.of();
    }
  }

  /**
   * Deletes the outputs of {@code key}, result first, so that an input that now fails is not reported
   * by an older result.
   */
  public void delete(String key) throws IOException {
    Files.deleteIfExists(layout.result(key));
    for (Path output :
        new Path[] {
          layout.timings(key),
          layout.overlayPng(key),
          layout.probabilityMap(key),
          layout.segmentation(key),
          layout.overlayDicom(key),
          layout.cadReport(key)
        }) {
      Files.deleteIfExists(output);
    }
  }
}
