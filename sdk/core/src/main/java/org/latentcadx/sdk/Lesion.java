package org.latentcadx.sdk;

import java.util.Objects;

/**
 * One connected region (8-connectivity) of the probability map at or above the lesion threshold.
 *
 * @param mapBox bounding box in probability-map pixels (the model's downsampled scale)
 * @param imageBox the same box in original-image pixels: {@code mapBox} scaled by the downsample
 *     factor and clipped to the image
 * @param areaMapPixels number of map pixels in the region
 * @param peakProbability highest probability in the region
 * @param meanProbability mean probability over the region's pixels
 * @param peakMapX map column of the highest probability (the first in row-major order among equals)
 * @param peakMapY map row of the highest probability
 */
public record Lesion(
    BoundingBox mapBox,
    BoundingBox imageBox,
    int areaMapPixels,
    float peakProbability,
    float meanProbability,
    int peakMapX,
    int peakMapY) {
  public Lesion {
    Objects.requireNonNull(mapBox, "mapBox");
    Objects.requireNonNull(imageBox, "imageBox");
  }
}
