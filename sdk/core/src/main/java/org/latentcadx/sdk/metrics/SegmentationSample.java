package org.latentcadx.sdk.metrics;

import java.util.Objects;

/**
 * One patch or image for {@link SegmentationEvaluator}: its predicted probability mask, the hand-drawn
 * annotation (0/1) and, where known, the true (latent) lesion mask (0/1), all {@code width × height}
 * pixels row by row, with the model's class probability and a lesion-type key (e.g. "mass",
 * "calcification") for the breakdown. A sample whose reference mask is empty is a negative.
 *
 * <p>The evaluator reads the arrays when the sample is added and keeps none of them.
 *
 * @param lesionType key for the per-type breakdown
 * @param classScore the model's lesion probability, which ranks the sample's detection
 * @param width mask width in pixels
 * @param height mask height in pixels
 * @param prediction predicted probabilities
 * @param annotation hand-drawn mask, 0/1
 * @param trueLesion latent-truth mask, 0/1, or null when unknown
 */
public record SegmentationSample(
    String lesionType,
    double classScore,
    int width,
    int height,
    float[] prediction,
    float[] annotation,
    float[] trueLesion) {

  /** Validates sizes, finiteness and 0/1 references. */
  public SegmentationSample {
    Objects.requireNonNull(lesionType, "lesionType");
    if (!Double.isFinite(classScore)) {
      throw new IllegalArgumentException("class score must be finite, got " + classScore);
    }
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("mask size must be positive, got " + width + "×" + height);
    }
    MaskOverlap.checkMasks(prediction, annotation);
    if (prediction.length != (long) width * height) {
      throw new IllegalArgumentException(
          "masks hold " + prediction.length + " pixels but are declared " + width + "×" + height);
    }
    if (trueLesion != null) {
      MaskOverlap.checkMasks(prediction, trueLesion);
    }
  }

  /** A sample without a known true lesion. */
  public static SegmentationSample of(
      String lesionType, double classScore, int width, int height, float[] prediction, float[] annotation) {
    return new SegmentationSample(lesionType, classScore, width, height, prediction, annotation, null);
  }

  /** The same sample with its true lesion mask. */
  public SegmentationSample withTrueLesion(float[] trueLesionMask) {
    return new SegmentationSample(
        lesionType, classScore, width, height, prediction, annotation,
        Objects.requireNonNull(trueLesionMask, "trueLesionMask"));
  }
}
