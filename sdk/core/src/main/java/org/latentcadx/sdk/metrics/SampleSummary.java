package org.latentcadx.sdk.metrics;

/** What the evaluator keeps of one sample against one reference mask. */
record SampleSummary(String lesionType, double classScore, MaskOverlap overlap, LesionCandidates lesions) {

  static SampleSummary of(SegmentationSample sample, float[] reference, SegmentationSettings settings) {
    return new SampleSummary(
        sample.lesionType(),
        sample.classScore(),
        MaskOverlap.of(sample.prediction(), reference, settings),
        LesionCandidates.of(sample.prediction(), reference, sample.width(), sample.height(), settings));
  }

  boolean positive() {
    return overlap.reference() > 0;
  }
}
