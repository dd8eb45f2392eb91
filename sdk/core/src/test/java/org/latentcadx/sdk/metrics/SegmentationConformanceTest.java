package org.latentcadx.sdk.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.latentcadx.sdk.metrics.SklearnFixtures.doubles;
import static org.latentcadx.sdk.metrics.SklearnFixtures.ints;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.latentcadx.sdk.metrics.DetectionAveragePrecision.Interpolation;

/** Overlap metrics against scikit-learn and detection AP against numpy VOC/COCO implementations. */
class SegmentationConformanceTest {

  private static final Offset<Double> TOLERANCE = within(1e-12);

  @Test
  void overlapMatchesScikitLearnOnFlattenedMasks() {
    JsonNode cases = SklearnFixtures.segmentation("overlap.json").get("cases");
    assertThat(cases.size()).isPositive();
    for (JsonNode expected : cases) {
      double[] values = doubles(expected.get("prediction"));
      float[] prediction = new float[values.length];
      for (int i = 0; i < values.length; i++) {
        prediction[i] = (float) values[i];
      }
      int[] labels = ints(expected.get("annotation"));
      float[] annotation = new float[labels.length];
      for (int i = 0; i < labels.length; i++) {
        annotation[i] = labels[i];
      }
      MaskOverlap o = MaskOverlap.of(prediction, annotation, SegmentationSettings.DEFAULT);
      String name = expected.get("name").textValue();
      assertThat(o.iou()).as(name).isCloseTo(expected.get("iou").doubleValue(), TOLERANCE);
      assertThat(o.dice()).as(name).isCloseTo(expected.get("dice").doubleValue(), TOLERANCE);
      assertThat(o.iop()).as(name).isCloseTo(expected.get("iop").doubleValue(), TOLERANCE);
      assertThat(o.ioa()).as(name).isCloseTo(expected.get("ioa").doubleValue(), TOLERANCE);
      assertThat(o.confused()).as(name).isEqualTo(expected.get("confused").longValue());
    }
  }

  @Test
  void detectionApMatchesVocAndCocoReimplementations() {
    JsonNode cases = SklearnFixtures.segmentation("detection-ap.json").get("cases");
    assertThat(cases.size()).isPositive();
    for (JsonNode expected : cases) {
      double[] scores = doubles(expected.get("scores"));
      boolean[] truePositive = new boolean[scores.length];
      for (int i = 0; i < scores.length; i++) {
        truePositive[i] = expected.get("true_positive").get(i).booleanValue();
      }
      int groundTruths = expected.get("ground_truths").intValue();
      String name = expected.get("name").textValue();
      assertThat(DetectionAveragePrecision.of(scores, truePositive, groundTruths,
              Interpolation.VOC_ALL_POINT))
          .as(name).isCloseTo(expected.get("voc_all_point").doubleValue(), TOLERANCE);
      assertThat(DetectionAveragePrecision.of(scores, truePositive, groundTruths,
              Interpolation.COCO_101_POINT))
          .as(name).isCloseTo(expected.get("coco_101_point").doubleValue(), TOLERANCE);
    }
  }
}
