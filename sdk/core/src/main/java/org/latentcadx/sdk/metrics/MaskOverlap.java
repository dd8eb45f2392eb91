package org.latentcadx.sdk.metrics;

/**
 * Overlap of one predicted probability mask with one binary reference mask (the hand-drawn annotation,
 * or the true lesion where known), both flattened the same way. The prediction is thresholded into P
 * (probability ≥ threshold); the reference A holds the pixels equal to 1.
 *
 * <p>Values when a mask is empty:
 *
 * <ul>
 *   <li>IoU = |P∩A| / |P∪A| and Dice = 2|P∩A| / (|P| + |A|) are 1 when P and A are both empty (a
 *       correct empty prediction) and 0 when only one of them is;
 *   <li>IOP = |P∩A| / |P| is NaN when P is empty, IOA = |P∩A| / |A| is NaN when A is empty: they are
 *       undefined there, and dataset means leave them out ({@link SegmentationMetrics} reports how many
 *       masks entered each mean).
 * </ul>
 *
 * <p>Confused pixels are those with a probability in the open interval (0.5 − ε, 0.5 + ε). The bounds
 * are rounded to float, the precision of the mask, so a pixel stored as {@code 0.3f} is on the boundary
 * for ε = 0.2 and is not counted.
 *
 * @param predicted |P|
 * @param reference |A|
 * @param intersection |P∩A|
 * @param confused number of confused pixels
 * @param pixels number of pixels in the mask
 */
public record MaskOverlap(long predicted, long reference, long intersection, long confused, long pixels) {

  /** Compares {@code prediction} (probabilities) with {@code reference} (0/1) under {@code settings}. */
  public static MaskOverlap of(float[] prediction, float[] reference, SegmentationSettings settings) {
    checkMasks(prediction, reference);
    float threshold = (float) settings.threshold();
    float confusedBelow = (float) (0.5 - settings.confusedMargin());
    float confusedAbove = (float) (0.5 + settings.confusedMargin());
    long predicted = 0;
    long annotated = 0;
    long intersection = 0;
    long confused = 0;
    for (int i = 0; i < prediction.length; i++) {
      boolean inP = prediction[i] >= threshold;
      boolean inA = reference[i] == 1f;
      predicted += inP ? 1 : 0;
      annotated += inA ? 1 : 0;
      intersection += inP && inA ? 1 : 0;
      confused += prediction[i] > confusedBelow && prediction[i] < confusedAbove ? 1 : 0;
    }
    return new MaskOverlap(predicted, annotated, intersection, confused, prediction.length);
  }

  /** Fails unless both masks are non-null, equally long, the prediction has no NaN and the reference is 0/1. */
  static void checkMasks(float[] prediction, float[] reference) {
    if (prediction == null || reference == null) {
      throw new IllegalArgumentException("prediction and reference masks must not be null");
    }
    if (prediction.length != reference.length) {
      throw new IllegalArgumentException(
          "prediction and reference masks differ in size: " + prediction.length + " and "
              + reference.length + " pixels");
    }
    for (int i = 0; i < prediction.length; i++) {
      if (Float.isNaN(prediction[i])) {
        throw new IllegalArgumentException("prediction mask pixel " + i + " is NaN");
      }
      if (reference[i] != 0f && reference[i] != 1f) {
        throw new IllegalArgumentException(
            "reference mask must be 0/1, but pixel " + i + " is " + reference[i]);
      }
    }
  }

  /** |P∪A|. */
  public long union() {
    return predicted + reference - intersection;
  }

  /** Intersection over union; 1 when both masks are empty. */
  public double iou() {
    return union() == 0 ? 1 : intersection / (double) union();
  }

  /** Dice coefficient; 1 when both masks are empty. */
  public double dice() {
    long sizes = predicted + reference;
    return sizes == 0 ? 1 : 2 * intersection / (double) sizes;
  }

  /** Intersection over prediction (pixel precision); NaN when P is empty. */
  public double iop() {
    return predicted == 0 ? Double.NaN : intersection / (double) predicted;
  }

  /** Intersection over annotation (pixel sensitivity); NaN when A is empty. */
  public double ioa() {
    return reference == 0 ? Double.NaN : intersection / (double) reference;
  }
}
