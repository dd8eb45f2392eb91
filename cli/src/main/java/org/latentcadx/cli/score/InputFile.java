package org.latentcadx.cli.score;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One image to score.
 *
 * @param path the file
 * @param key the file's path relative to the common folder of all inputs, with {@code /} separators:
 *     unique within a run, stable across reruns with the same inputs, and the name its outputs are
 *     written under (mirrored into the output folder)
 * @param format the name of the format {@link org.latentcadx.sdk.ImageFiles} reads it as, e.g. {@code DICOM}
 */
public record InputFile(Path path, String key, String format) {
  public InputFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(format, "format");
  }
}
