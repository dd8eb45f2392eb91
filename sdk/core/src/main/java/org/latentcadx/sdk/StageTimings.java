package org.latentcadx.sdk;

import java.time.Duration;

/**
 * Wall-clock time of each stage of one {@code detect} call.
 *
 * @param preprocessing grey-level normalisation, padding and downsampling
 * @param inference tiling, batch filling and ONNX Runtime runs
 * @param stitching blending tile masks into the probability map
 * @param postprocessing aggregation and lesion extraction
 */
public record StageTimings(
    Duration preprocessing, Duration inference, Duration stitching, Duration postprocessing) {

  /** The sum of all stages. */
  public Duration total() {
    return preprocessing.plus(inference).plus(stitching).plus(postprocessing);
  }
}
