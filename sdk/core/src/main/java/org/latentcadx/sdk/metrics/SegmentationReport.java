package org.latentcadx.sdk.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Segmentation metrics of all samples and of each lesion type (the breakdown of the paper's tables).
 *
 * @param overall every sample
 * @param byLesionType samples grouped by {@link SegmentationSample#lesionType()}, keys sorted
 */
public record SegmentationReport(SegmentationMetrics overall, Map<String, SegmentationMetrics> byLesionType) {

  /** Copies the breakdown. */
  public SegmentationReport {
    byLesionType = Collections.unmodifiableMap(new TreeMap<>(byLesionType));
  }
}
