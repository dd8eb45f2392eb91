package org.latentcadx.sdk;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one {@link LesionDetector#detect} call.
 *
 * @param imageProbability the image-level lesion probability, tile probabilities combined by the
 *     detector's {@link Aggregation}
 * @param probabilityMap the stitched per-pixel lesion probability at the model's downsampled scale
 * @param lesions connected regions of the map at or above the lesion threshold, largest peak first
 * @param tileCount number of tiles the model scored
 * @param executionProvider the execution provider that actually ran the model
 * @param timings time spent in each stage
 * @param model the model that produced this result
 */
public record DetectionResult(
    double imageProbability,
    ProbabilityMap probabilityMap,
    List<Lesion> lesions,
    int tileCount,
    ExecutionProvider executionProvider,
    StageTimings timings,
    ModelInfo model) {
  public DetectionResult {
    Objects.requireNonNull(probabilityMap, "probabilityMap");
    lesions = List.copyOf(lesions);
    Objects.requireNonNull(executionProvider, "executionProvider");
    Objects.requireNonNull(timings, "timings");
    Objects.requireNonNull(model, "model");
  }

  /** Whether the image probability reaches the model's decision threshold. */
  public boolean positive() {
    return imageProbability >= model.decisionThreshold();
  }
}
