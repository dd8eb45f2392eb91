package org.latentcadx.sdk.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.latentcadx.sdk.metrics.DetectionAveragePrecision.Interpolation.COCO_101_POINT;
import static org.latentcadx.sdk.metrics.DetectionAveragePrecision.Interpolation.VOC_ALL_POINT;
import static org.latentcadx.sdk.metrics.DetectionMode.PER_LESION;
import static org.latentcadx.sdk.metrics.DetectionMode.PER_SAMPLE;
import static org.latentcadx.sdk.metrics.Masks.draw;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.latentcadx.sdk.metrics.SegmentationMetrics.Mean;
import org.latentcadx.sdk.metrics.SegmentationSettings.ComponentScore;

/** Dataset means, segmentation AP in both modes and the breakdowns, on hand-computed masks. */
class SegmentationEvaluatorTest {

  private static final Offset<Double> EXACT = within(1e-15);
  private static final float[] BLOCK = draw("##..", "##..");

  private static SegmentationSample sample(String type, double score, float[] prediction, float[] annotation) {
    return SegmentationSample.of(type, score, 4, 2, prediction, annotation);
  }

  /** IoU 1 (mass, 0.9), IoU 0.5 (calcification, 0.8), IoU 0 (mass, 0.7), and a negative (0.6). */
  private static SegmentationReport fourSamples() {
    SegmentationEvaluator evaluator = new SegmentationEvaluator();
    evaluator.add(sample("mass", 0.9, draw("99..", "99.."), BLOCK));
    evaluator.add(sample("calcification", 0.8, draw("9...", "9..."), BLOCK));
    evaluator.add(sample("mass", 0.7, draw("...9", "...4"), BLOCK));
    evaluator.add(sample("normal", 0.6, draw("..9.", "...."), draw("....", "....")));
    return evaluator.report();
  }

  @Test
  void meansAreOverPositiveSamplesAndLeaveUndefinedValuesOut() {
    SegmentationMetrics all = fourSamples().overall();
    assertThat(all.sampleCount()).isEqualTo(4);
    assertThat(all.positiveCount()).isEqualTo(3);
    assertThat(all.iou()).isEqualTo(new Mean(0.5, 3));
    assertThat(all.ioa()).isEqualTo(new Mean(0.5, 3));
    assertThat(all.iop().value()).isCloseTo(2.0 / 3, EXACT);
    assertThat(all.dice().value()).isCloseTo((1 + 2.0 / 3) / 3, EXACT);
    assertThat(all.meanConfusedPixels()).isEqualTo(0.25); // the 0.4 pixel of the third sample
    SegmentationMetrics normal = fourSamples().byLesionType().get("normal");
    assertThat(normal.iou()).isEqualTo(new Mean(Double.NaN, 0));
    assertThat(normal.averagePrecision(PER_SAMPLE, 0.5)).isNaN();
  }

  @Test
  void perSampleApRanksPositiveSamplesByClassScore() {
    SegmentationMetrics all = fourSamples().overall();
    // t = 0.3 and 0.5: TP, TP, FP of 3 objects; t = 0.7: TP, FP, FP.
    for (double t : List.of(0.3, 0.5)) {
      assertThat(all.averagePrecision(PER_SAMPLE, t, VOC_ALL_POINT)).isCloseTo(2.0 / 3, EXACT);
      assertThat(all.averagePrecision(PER_SAMPLE, t, COCO_101_POINT)).isCloseTo(67 / 101.0, EXACT);
    }
    assertThat(all.averagePrecision(PER_SAMPLE, 0.7, VOC_ALL_POINT)).isCloseTo(1.0 / 3, EXACT);
    assertThat(all.averagePrecision(PER_SAMPLE, 0.7)).isCloseTo(34 / 101.0, EXACT);
  }

  @Test
  void breakdownByLesionTypeEvaluatesEachGroupAlone() {
    SegmentationReport report = fourSamples();
    assertThat(report.byLesionType()).containsOnlyKeys("calcification", "mass", "normal");
    SegmentationMetrics mass = report.byLesionType().get("mass");
    assertThat(mass.positiveCount()).isEqualTo(2);
    assertThat(mass.averagePrecision(PER_SAMPLE, 0.5, VOC_ALL_POINT)).isEqualTo(0.5);
    SegmentationMetrics calcification = report.byLesionType().get("calcification");
    assertThat(calcification.averagePrecision(PER_SAMPLE, 0.5, VOC_ALL_POINT)).isEqualTo(1.0);
    assertThat(calcification.averagePrecision(PER_SAMPLE, 0.7, VOC_ALL_POINT)).isZero();
  }

  private static final float[] TWO_LESIONS = draw(
      "##..##",
      "##..##",
      "......");
  private static final float[] THREE_COMPONENTS = draw(
      "95..66",
      "95....",
      "....8.");

  private static SegmentationMetrics perLesion(ComponentScore componentScore) {
    SegmentationEvaluator evaluator = new SegmentationEvaluator(
        new SegmentationSettings(0.5, 0.2, List.of(0.5, 0.7), componentScore));
    evaluator.add(SegmentationSample.of("mass", 0.99, 6, 3, THREE_COMPONENTS, TWO_LESIONS));
    return evaluator.report().overall();
  }

  @Test
  void perLesionApMatchesComponentsToLesions() {
    // Components by max probability: IoU 1 (0.9), no lesion (0.8), IoU 0.5 (0.6); 2 lesions.
    SegmentationMetrics metrics = perLesion(ComponentScore.MAX);
    assertThat(metrics.averagePrecision(PER_LESION, 0.5, VOC_ALL_POINT))
        .isCloseTo(0.5 + 0.5 * 2 / 3.0, EXACT);
    assertThat(metrics.averagePrecision(PER_LESION, 0.5, COCO_101_POINT))
        .isCloseTo((51 + 50 * (2 / 3.0)) / 101, EXACT);
    assertThat(metrics.averagePrecision(PER_LESION, 0.7, VOC_ALL_POINT)).isEqualTo(0.5);
  }

  @Test
  void meanComponentScoreReordersTheDetections() {
    // By mean probability the unmatched component (0.8) outranks the first one (0.7).
    assertThat(perLesion(ComponentScore.MEAN).averagePrecision(PER_LESION, 0.5, VOC_ALL_POINT))
        .isCloseTo(2.0 / 3, EXACT);
  }

  @Test
  void aLesionIsMatchedOnlyOnce() {
    SegmentationEvaluator evaluator = new SegmentationEvaluator();
    evaluator.add(SegmentationSample.of("mass", 0.9, 5, 1, draw("99.66"), draw("#####")));
    SegmentationMetrics metrics = evaluator.report().overall();
    // Both components have IoU 0.4 with the one lesion: the first is a TP, the second a FP.
    assertThat(metrics.averagePrecision(PER_LESION, 0.3, VOC_ALL_POINT)).isEqualTo(1.0);
    assertThat(metrics.averagePrecision(PER_LESION, 0.5, VOC_ALL_POINT)).isZero();
  }

  @Test
  void negativesContributeFalsePositiveLesions() {
    SegmentationEvaluator evaluator = new SegmentationEvaluator();
    evaluator.add(sample("mass", 0.5, draw("5...", "...."), draw("#...", "....")));
    evaluator.add(sample("normal", 0.9, draw("...9", "...."), draw("....", "....")));
    // Ranked: the negative's component (0.9, FP), then the lesion's (0.5, TP): AP = 1/2.
    assertThat(evaluator.report().overall().averagePrecision(PER_LESION, 0.5, VOC_ALL_POINT))
        .isEqualTo(0.5);
  }

  @Test
  void trueLesionVariantUsesTheSecondMask() {
    SegmentationEvaluator evaluator = new SegmentationEvaluator();
    float[] coarseOutline = draw("####", "####");
    float[] latentLesion = draw(".#..", "....");
    evaluator.add(sample("mass", 0.9, draw(".9..", "...."), coarseOutline).withTrueLesion(latentLesion));
    SegmentationMetrics outline = evaluator.report().overall();
    SegmentationMetrics truth = evaluator.trueLesionReport().orElseThrow().overall();
    assertThat(outline.iop().value()).isEqualTo(1.0);
    assertThat(outline.ioa().value()).isEqualTo(1.0 / 8);
    assertThat(truth.iou().value()).isEqualTo(1.0);
    assertThat(truth.averagePrecision(PER_SAMPLE, 0.7)).isEqualTo(1.0);
  }

  @Test
  void withoutTrueLesionsThereIsNoTrueLesionReport() {
    SegmentationEvaluator evaluator = new SegmentationEvaluator();
    evaluator.add(sample("mass", 0.9, BLOCK, BLOCK));
    assertThat(evaluator.trueLesionReport()).isEmpty();
  }

  @Test
  void misuseIsRejectedWithAReason() {
    SegmentationEvaluator evaluator = new SegmentationEvaluator();
    assertThatIllegalArgumentException()
        .isThrownBy(evaluator::report)
        .withMessage("no segmentation samples were added");
    evaluator.add(sample("mass", 0.9, BLOCK, BLOCK));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> evaluator.add(sample("mass", 0.9, BLOCK, BLOCK).withTrueLesion(BLOCK)))
        .withMessage("sample 1 has true lesion mask, unlike the samples before it");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> evaluator.report().overall().averagePrecision(PER_SAMPLE, 0.6))
        .withMessage("no AP at IoU 0.6; evaluated thresholds are [0.3, 0.5, 0.7]");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SegmentationSample.of("mass", 0.9, 3, 2, BLOCK, BLOCK))
        .withMessage("masks hold 8 pixels but are declared 3×2");
  }
}
