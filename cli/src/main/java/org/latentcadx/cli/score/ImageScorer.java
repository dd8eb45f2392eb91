package org.latentcadx.cli.score;

/**
 * Scores one input and writes its image outputs (overlay, probability map, DICOM objects) into the
 * output folder; the batch runner then writes the result JSON that marks the input done.
 */
@FunctionalInterface
public interface ImageScorer {

  /**
   * Scores {@code input}, whose bytes have the SHA-256 {@code inputSha256}.
   *
   * @throws Exception any failure of this one input; the batch records it and goes on
   */
  Scored score(InputFile input, String inputSha256) throws Exception;

  /**
   * What scoring one input produced.
   *
   * @param result the result to write as JSON
   * @param timingsMs per-stage wall-clock times in milliseconds
   */
  record Scored(ScoreResult result, java.util.Map<String, Double> timingsMs) {}
}
