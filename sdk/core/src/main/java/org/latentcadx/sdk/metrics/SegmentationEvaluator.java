package org.latentcadx.sdk.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Accumulates {@link SegmentationSample}s and reports their segmentation metrics against the hand-drawn
 * annotations and, when every sample carries one, against the true lesions. Only per-sample summaries
 * are kept, not the masks. Not thread-safe.
 */
public final class SegmentationEvaluator {

  private final SegmentationSettings settings;
  private final List<SampleSummary> againstAnnotation = new ArrayList<>();
  private final List<SampleSummary> againstTrueLesion = new ArrayList<>();

  /** An evaluator with {@link SegmentationSettings#DEFAULT}. */
  public SegmentationEvaluator() {
    this(SegmentationSettings.DEFAULT);
  }

  public SegmentationEvaluator(SegmentationSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Adds a sample.
   *
   * @throws IllegalArgumentException when the sample has a true lesion and earlier ones had none, or
   *     the reverse
   */
  public void add(SegmentationSample sample) {
    boolean hasTrueLesion = sample.trueLesion() != null;
    if (!againstAnnotation.isEmpty() && hasTrueLesion != !againstTrueLesion.isEmpty()) {
      throw new IllegalArgumentException(
          "sample " + againstAnnotation.size() + (hasTrueLesion ? " has" : " has no")
              + " true lesion mask, unlike the samples before it");
    }
    againstAnnotation.add(SampleSummary.of(sample, sample.annotation(), settings));
    if (hasTrueLesion) {
      againstTrueLesion.add(SampleSummary.of(sample, sample.trueLesion(), settings));
    }
  }

  /** Metrics against the annotations. */
  public SegmentationReport report() {
    if (againstAnnotation.isEmpty()) {
      throw new IllegalArgumentException("no segmentation samples were added");
    }
    return report(againstAnnotation);
  }

  /** Metrics against the true lesions; empty when the samples carry none. */
  public Optional<SegmentationReport> trueLesionReport() {
    return againstTrueLesion.isEmpty() ? Optional.empty() : Optional.of(report(againstTrueLesion));
  }

  private SegmentationReport report(List<SampleSummary> samples) {
    Map<String, List<SampleSummary>> byType = new LinkedHashMap<>();
    for (SampleSummary sample : samples) {
      byType.computeIfAbsent(sample.lesionType(), type -> new ArrayList<>()).add(sample);
    }
    Map<String, SegmentationMetrics> metricsByType = new LinkedHashMap<>();
    byType.forEach((type, group) -> metricsByType.put(type, SegmentationMetrics.of(group, settings)));
    return new SegmentationReport(SegmentationMetrics.of(samples, settings), metricsByType);
  }
}
