package org.latentcadx.cli.evaluate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.latentcadx.cli.score.ScoreResult;

/**
 * What {@code evaluate} writes to {@code metrics.json} (schema {@value #SCHEMA}); the HTML report shows
 * the same numbers.
 *
 * @param schema the schema name and version
 * @param model the model of the scores
 * @param decisionThreshold the model's decision threshold used for the thresholded rates
 * @param counts how many images and abnormalities entered
 * @param bootstrap how the confidence intervals were drawn
 * @param classification image-level metrics by group ({@code all}, {@code mass}, {@code calcification})
 * @param segmentation patch segmentation metrics, absent when no image with a lesion was scored
 * @param froc lesion marks' free-response ROC, absent when no image with a lesion was scored
 * @param comparison this model against another on the same images, when {@code --compare} was given
 * @param worstCases the images the model got most wrong
 */
record EvaluationReport(
    String schema,
    ScoreResult.Model model,
    double decisionThreshold,
    Counts counts,
    Bootstrap bootstrap,
    Map<String, ClassificationGroups.Group> classification,
    @JsonInclude(JsonInclude.Include.NON_NULL) SegmentationSection segmentation,
    @JsonInclude(JsonInclude.Include.NON_NULL) Froc froc,
    @JsonInclude(JsonInclude.Include.NON_NULL) ModelComparison comparison,
    List<WorstCases.Case> worstCases) {

  static final String SCHEMA = "latentcadx-evaluate/1";

  /**
   * @param imagesWithLesions scored images with at least one abnormality
   * @param normalImages scored normal images
   * @param abnormalities abnormality rows of the scored images, by lesion type
   * @param groundTruthImagesNotScored ground-truth images without a result in the score folder
   */
  record Counts(
      int imagesWithLesions,
      int normalImages,
      Map<String, Integer> abnormalities,
      int groundTruthImagesNotScored) {}

  /** Percentile bootstrap: replicates and seed. */
  record Bootstrap(int replicates, long seed) {}
}
