package org.latentcadx.sdk.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** DeLong's test beyond the fixture values: symmetry and its edge cases. */
class DeLongComparisonTest {

  private static final int[] LABELS = {0, 0, 0, 1, 1, 1, 0, 1};
  private static final double[] A = {0.1, 0.4, 0.35, 0.8, 0.7, 0.3, 0.2, 0.9};
  private static final double[] B = {0.5, 0.4, 0.1, 0.6, 0.2, 0.3, 0.7, 0.9};

  @Test
  void swappingTheScoreSetsNegatesZAndKeepsP() {
    DeLongComparison ab = DeLongComparison.compare(LABELS, A, B);
    DeLongComparison ba = DeLongComparison.compare(LABELS, B, A);
    assertThat(ba.z()).isEqualTo(-ab.z());
    assertThat(ba.pValue()).isEqualTo(ab.pValue());
    assertThat(ab.covariance()[0][1]).isEqualTo(ab.covariance()[1][0]);
    assertThat(ab.aucA()).isEqualTo(RocCurve.of(LABELS, A).auc());
  }

  @Test
  void identicalScoreSetsGiveZeroAndPOne() {
    DeLongComparison test = DeLongComparison.compare(LABELS, A, A);
    assertThat(test.z()).isZero();
    assertThat(test.pValue()).isEqualTo(1.0);
  }

  @Test
  void midranksAverageTies() {
    assertThat(DeLongComparison.midranks(new double[] {0.3, 0.1, 0.3, 0.2, 0.3}))
        .containsExactly(4, 1, 4, 2, 4);
  }

  @Test
  void needsTwoOfEachClassAndMatchingLengths() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DeLongComparison.compare(new int[] {0, 0, 1}, new double[] {1, 2, 3},
            new double[] {3, 2, 1}))
        .withMessage("DeLong's test needs at least 2 positives and 2 negatives, got 1 positives and 2 negatives");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DeLongComparison.compare(LABELS, A, new double[] {0.1}))
        .withMessage("labels and scoresB differ in length: 8 labels, 1 scoresB");
  }
}
