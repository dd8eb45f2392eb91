package org.latentcadx.sdk.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** Degenerate input to the classification metrics, and the cases scikit-learn defines. */
class ClassificationInputTest {

  @Test
  void lengthMismatchNamesBothLengths() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RocCurve.of(new int[] {0, 1, 1}, new double[] {0.1, 0.2}))
        .withMessage("labels and scores differ in length: 3 labels, 2 scores");
  }

  @Test
  void emptyInputIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PrecisionRecallCurve.of(new int[0], new double[0]))
        .withMessage("labels and scores are empty");
  }

  @Test
  void nanAndInfiniteScoresAreRejectedWithTheirIndex() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RocCurve.of(new int[] {0, 1}, new double[] {0.1, Double.NaN}))
        .withMessage("scores must be finite, but scores[1] = NaN");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ConfusionMatrix.atThreshold(
            new int[] {0, 1}, new double[] {Double.POSITIVE_INFINITY, 0.5}, 0.5))
        .withMessage("scores must be finite, but scores[0] = Infinity");
  }

  @Test
  void labelsOtherThanZeroAndOneAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RocCurve.of(new int[] {0, 2}, new double[] {0.1, 0.2}))
        .withMessage("labels must be 0 or 1, but labels[1] = 2");
  }

  @Test
  void rocNeedsBothClasses() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RocCurve.of(new int[] {0, 0}, new double[] {0.1, 0.2}))
        .withMessage("ROC curve needs both classes, but all 2 labels are 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RocCurve.full(new int[] {1, 1, 1}, new double[] {0.1, 0.2, 0.3}))
        .withMessage("ROC curve needs both classes, but all 3 labels are 1");
  }

  @Test
  void precisionRecallNeedsAPositive() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PrecisionRecallCurve.of(new int[] {0, 0}, new double[] {0.1, 0.2}))
        .withMessage("precision-recall curve needs a positive label, but all 2 labels are 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BestF1.of(new int[] {0}, new double[] {0.1}))
        .withMessage("best F1 needs a positive label, but all 1 labels are 0");
  }

  @Test
  void confusionMatrixOfOneClassHasZeroForUndefinedRatios() {
    ConfusionMatrix matrix =
        ConfusionMatrix.atThreshold(new int[] {0, 0, 0}, new double[] {0.2, 0.6, 0.9}, 0.5);
    assertThat(matrix).isEqualTo(new ConfusionMatrix(0, 2, 1, 0));
    assertThat(matrix.precision()).isZero();
    assertThat(matrix.recall()).isZero();
    assertThat(matrix.f1()).isZero();
    assertThat(matrix.specificity()).isEqualTo(1.0 / 3);
  }

  @Test
  void scoreEqualToTheThresholdIsPositive() {
    assertThat(ConfusionMatrix.atThreshold(new int[] {1, 0}, new double[] {0.5, 0.4999}, 0.5))
        .isEqualTo(new ConfusionMatrix(1, 0, 1, 0));
  }

  @Test
  void resultsDoNotShareTheirArrays() {
    RocCurve curve = RocCurve.of(new int[] {0, 1}, new double[] {0.1, 0.9});
    curve.truePositiveRates()[0] = 42;
    assertThat(curve.truePositiveRates()[0]).isZero();
  }
}
