package org.latentcadx.cli.evaluate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.latentcadx.cli.io.Json;
import org.latentcadx.cli.score.ScoreResult;

/** Reads the per-image results of a {@code score} output folder, keyed by the input's SHA-256. */
public final class ScoreFolder {

  private ScoreFolder() {}

  /**
   * Every {@code score} result under {@code folder}, by input SHA-256 in file order (JSON files that are
   * not results, such as timings, are skipped).
   *
   * @throws IOException when the folder cannot be read or holds no result
   */
  public static Map<String, ScoredImage> read(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IOException(folder + " is not a folder; expected the output folder of 'latentcadx score'");
    }
    List<Path> jsons;
    try (Stream<Path> walk = Files.walk(folder)) {
      jsons = walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().endsWith(".timings.json"))
          .sorted()
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Map<String, ScoredImage> bySha = new LinkedHashMap<>();
    List<Path> unreadable = new ArrayList<>();
    for (Path json : jsons) {
      ScoreResult result;
      try {
        result = Json.mapper().readValue(json.toFile(), ScoreResult.class);
      } catch (IOException | RuntimeException e) {
        unreadable.add(json);
        continue;
      }
      if (ScoreResult.SCHEMA.equals(result.schema()) && result.input() != null) {
        bySha.putIfAbsent(result.input().sha256(), new ScoredImage(result, json));
      }
    }
    if (bySha.isEmpty()) {
      throw new IOException(
          folder + " holds no 'latentcadx score' result (" + ScoreResult.SCHEMA + " JSON)"
              + (unreadable.isEmpty() ? "" : "; unreadable: " + unreadable));
    }
    return bySha;
  }
}
