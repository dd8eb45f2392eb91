package org.latentcadx.cli.evaluate;

import java.nio.file.Path;
import org.latentcadx.cli.score.ScoreResult;

/**
 * One image of a {@code score} output folder.
 *
 * @param result its JSON result
 * @param resultFile where the JSON is; the files it lists are beside it
 */
public record ScoredImage(ScoreResult result, Path resultFile) {

  /** A file listed in the result's outputs, beside the JSON. */
  public Path sibling(String name) {
    return resultFile.resolveSibling(name);
  }
}
