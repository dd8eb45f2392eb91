package org.latentcadx.sdk.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.latentcadx.sdk.metrics.Masks.draw;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Overlap metrics on hand-computed masks. */
class MaskOverlapTest {

  private static MaskOverlap overlap(float[] prediction, float[] annotation) {
    return MaskOverlap.of(prediction, annotation, SegmentationSettings.DEFAULT);
  }

  @Test
  void partialOverlap() {
    // P = 4 pixels (≥ 0.5), A = 4 pixels, P∩A = 2, P∪A = 6; the two 0.5 pixels are confused.
    MaskOverlap o = overlap(
        draw("99..",
             "55..",
             "...."),
        draw(".##.",
             ".##.",
             "...."));
    assertThat(o).isEqualTo(new MaskOverlap(4, 4, 2, 2, 12));
    assertThat(o.iou()).isEqualTo(2.0 / 6);
    assertThat(o.dice()).isEqualTo(0.5);
    assertThat(o.iop()).isEqualTo(0.5);
    assertThat(o.ioa()).isEqualTo(0.5);
  }

  @Test
  void predictionInsideTheAnnotationHasIopOne() {
    MaskOverlap o = overlap(
        draw(".....",
             ".....",
             "..8..",
             "....."),
        draw(".###.",
             ".###.",
             ".###.",
             "....."));
    assertThat(o.iop()).isEqualTo(1.0);
    assertThat(o.ioa()).isEqualTo(1.0 / 9);
    assertThat(o.iou()).isEqualTo(1.0 / 9);
    assertThat(o.dice()).isEqualTo(2.0 / 10);
  }

  @Test
  void annotationInsideThePredictionHasIoaOne() {
    MaskOverlap o = overlap(
        draw("666.",
             "666.",
             "...."),
        draw("#...",
             "....",
             "...."));
    assertThat(o.ioa()).isEqualTo(1.0);
    assertThat(o.iop()).isEqualTo(1.0 / 6);
    assertThat(o.iou()).isEqualTo(1.0 / 6);
  }

  @Test
  void emptyPredictionHasUndefinedIopAndZeroOverlap() {
    MaskOverlap o = overlap(draw("4..", "..."), draw("##.", "..."));
    assertThat(o.iop()).isNaN();
    assertThat(o.ioa()).isZero();
    assertThat(o.iou()).isZero();
    assertThat(o.dice()).isZero();
  }

  @Test
  void emptyAnnotationHasUndefinedIoa() {
    MaskOverlap o = overlap(draw("9..", "..."), draw("...", "..."));
    assertThat(o.ioa()).isNaN();
    assertThat(o.iop()).isZero();
    assertThat(o.iou()).isZero();
    assertThat(o.dice()).isZero();
  }

  @Test
  void bothEmptyIsAPerfectMatch() {
    MaskOverlap o = overlap(draw("1..", "..."), draw("...", "..."));
    assertThat(o.iou()).isEqualTo(1.0);
    assertThat(o.dice()).isEqualTo(1.0);
    assertThat(o.iop()).isNaN();
    assertThat(o.ioa()).isNaN();
  }

  @Test
  void probabilityEqualToTheThresholdIsInThePrediction() {
    assertThat(overlap(new float[] {0.5f, Math.nextDown(0.5f)}, new float[] {0, 0}).predicted())
        .isEqualTo(1);
  }

  @Test
  void confusedPixelsExcludeTheBoundsOfTheOpenInterval() {
    float[] prediction = {
      0.3f, Math.nextUp(0.3f), 0.5f, Math.nextDown(0.7f), 0.7f, 0.1f, 0.9f, 0f
    };
    assertThat(overlap(prediction, new float[8]).confused()).isEqualTo(3);
    SegmentationSettings narrow =
        new SegmentationSettings(0.5, 0.1, List.of(0.5), SegmentationSettings.ComponentScore.MAX);
    assertThat(MaskOverlap.of(new float[] {0.4f, 0.41f, 0.6f, 0.59f}, new float[4], narrow).confused())
        .isEqualTo(2);
  }

  @Test
  void badMasksAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> overlap(new float[3], new float[4]))
        .withMessage("prediction and reference masks differ in size: 3 and 4 pixels");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> overlap(new float[] {0, Float.NaN}, new float[2]))
        .withMessage("prediction mask pixel 1 is NaN");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> overlap(new float[2], new float[] {0, 255}))
        .withMessage("reference mask must be 0/1, but pixel 1 is 255.0");
  }
}
