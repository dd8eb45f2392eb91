package org.latentcadx.sdk.dicom;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.latentcadx.sdk.BoundingBox;
import org.latentcadx.sdk.DetectionResult;
import org.latentcadx.sdk.Lesion;
import org.latentcadx.sdk.ModelInfo;
import org.latentcadx.sdk.ProbabilityMap;

/**
 * What a Mammography CAD SR says about one image: its DICOM source, the model that scored it, and per
 * lesion the certainty, rendering intent, centre and outline on the source image. It keeps no
 * probability map, so that a batch can hold one per image until every image of a study is scored and
 * write one report for the study ({@link DicomResultWriter#writeCadReport(List, java.nio.file.Path)}).
 * Immutable and thread-safe.
 */
public final class ScoredImage {

  /**
   * One lesion: peak probability, whether it reaches the model's decision threshold, centre (column,
   * row) and closed outline (column, row pairs), in source pixels.
   */
  record Finding(float peakProbability, boolean reachesDecisionThreshold, float[] center, float[] outline) {}

  private final DicomSource source;
  private final ModelInfo model;
  private final double lesionThreshold;
  private final List<Finding> findings;

  private ScoredImage(DicomSource source, ModelInfo model, double lesionThreshold, List<Finding> findings) {
    this.source = source;
    this.model = model;
    this.lesionThreshold = lesionThreshold;
    this.findings = findings;
  }

  /**
   * The findings of {@code detection} on {@code source}: each lesion's centre is the centre of its box
   * ({@link Lesion#imageBox()}); its outline runs through the centres of the boundary pixels of its
   * region of the probability map (the pixels at or above {@code lesionThreshold} 8-connected to its
   * peak), scaled to source pixels.
   *
   * @param lesionThreshold the threshold the detector extracted the lesions at ({@link
   *     org.latentcadx.sdk.LesionDetector#lesionThreshold()})
   * @throws IllegalArgumentException when the map covers an image of another size than the source, or
   *     the threshold is not in (0, 1]
   */
  public static ScoredImage of(DicomSource source, DetectionResult detection, double lesionThreshold) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(detection, "detection");
    ProbabilityMap.checkThreshold(lesionThreshold);
    ProbabilityMap map = detection.probabilityMap();
    DerivedObject.requireSourceSize(source, map);
    float decisionThreshold = detection.model().decisionThreshold();
    List<Finding> findings = new ArrayList<>();
    for (Lesion lesion : detection.lesions()) {
      BoundingBox box = lesion.imageBox();
      float[] center = {box.x() + box.width() / 2f, box.y() + box.height() / 2f};
      findings.add(new Finding(lesion.peakProbability(), lesion.peakProbability() >= decisionThreshold, center,
          LesionOutline.of(map, lesion, lesionThreshold)));
    }
    return new ScoredImage(source, detection.model(), lesionThreshold, List.copyOf(findings));
  }

  /** The image's DICOM source. */
  public DicomSource source() {
    return source;
  }

  /** The model that scored the image. */
  public ModelInfo model() {
    return model;
  }

  /** How many lesions the report will carry for this image. */
  public int lesionCount() {
    return findings.size();
  }

  double lesionThreshold() {
    return lesionThreshold;
  }

  List<Finding> findings() {
    return findings;
  }
}
