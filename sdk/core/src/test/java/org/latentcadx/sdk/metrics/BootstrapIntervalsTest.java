package org.latentcadx.sdk.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapIntervalsTest {

  private static final JsonNode IMBALANCED =
      SklearnFixtures.read(SklearnFixtures.classification("imbalanced-1-to-13.json"));
  private static final int[] LABELS = SklearnFixtures.labels(IMBALANCED);
  private static final double[] SCORES = SklearnFixtures.scores(IMBALANCED);

  @Test
  void intervalsContainTheScikitLearnPointEstimates() {
    BootstrapIntervals intervals = BootstrapIntervals.compute(LABELS, SCORES, 7L);
    assertThat(intervals.usedReplicates() + intervals.skippedReplicates())
        .isEqualTo(BootstrapIntervals.DEFAULT_REPLICATES);
    assertContains(intervals.rocAuc(), IMBALANCED.get("roc_auc").doubleValue());
    assertContains(intervals.averagePrecision(), IMBALANCED.get("average_precision").doubleValue());
    assertThat(intervals.rocAuc().level()).isEqualTo(0.95);
    assertThat(intervals.rocAuc().upper() - intervals.rocAuc().lower()).isBetween(0.005, 0.2);
  }

  private static void assertContains(ConfidenceInterval interval, double sklearnValue) {
    assertThat(interval.estimate()).isCloseTo(sklearnValue, within(1e-12));
    assertThat(interval.lower()).isLessThan(interval.estimate());
    assertThat(interval.upper()).isGreaterThan(interval.estimate());
  }

  @Test
  void aSeedReproducesTheIntervalsAndAnotherSeedChangesThem() {
    BootstrapIntervals first = BootstrapIntervals.compute(LABELS, SCORES, 11L, 300, 0.9);
    BootstrapIntervals again = BootstrapIntervals.compute(LABELS, SCORES, 11L, 300, 0.9);
    BootstrapIntervals other = BootstrapIntervals.compute(LABELS, SCORES, 12L, 300, 0.9);
    assertThat(again.rocAuc()).isEqualTo(first.rocAuc());
    assertThat(again.averagePrecision()).isEqualTo(first.averagePrecision());
    assertThat(other.rocAuc()).isNotEqualTo(first.rocAuc());
  }

  @Test
  void oneClassResamplesAreSkippedAndCounted() {
    int[] labels = {1, 0, 0, 0, 0, 0};
    double[] scores = {0.9, 0.1, 0.2, 0.3, 0.4, 0.5};
    BootstrapIntervals intervals = BootstrapIntervals.compute(labels, scores, 3L, 1000, 0.95);
    // P(no positive among 6 draws) = (5/6)^6 ≈ 0.33; all-positive resamples are negligible.
    assertThat(intervals.skippedReplicates()).isBetween(270, 400);
    assertThat(intervals.usedReplicates()).isEqualTo(1000 - intervals.skippedReplicates());
    assertThat(intervals.rocAuc().lower()).isEqualTo(1.0);
  }

  @Test
  void percentileInterpolatesLinearlyLikeNumpy() {
    double[] sorted = {1, 2, 3, 4, 10};
    assertThat(BootstrapIntervals.percentile(sorted, 0.025)).isCloseTo(1.1, within(1e-15));
    assertThat(BootstrapIntervals.percentile(sorted, 0.975)).isCloseTo(9.4, within(1e-15));
    assertThat(BootstrapIntervals.percentile(sorted, 1.0)).isEqualTo(10);
  }

  @Test
  void invalidSettingsAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BootstrapIntervals.compute(LABELS, SCORES, 1L, 0, 0.95))
        .withMessage("replicates must be at least 1, got 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BootstrapIntervals.compute(LABELS, SCORES, 1L, 10, 1.0))
        .withMessage("confidence level must be in (0, 1), got 1.0");
  }

  @Test
  void resampleCountsEqualAnExplicitResample() {
    Random random = new Random(5);
    int n = 40;
    int[] labels = new int[n];
    double[] scores = new double[n];
    int[] multiplicity = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3 == 0 ? 1 : 0;
      scores[i] = random.nextInt(8) / 8.0;
      multiplicity[i] = random.nextInt(3);
    }
    int total = java.util.Arrays.stream(multiplicity).sum();
    int[] resampledLabels = new int[total];
    double[] resampledScores = new double[total];
    for (int i = 0, k = 0; i < n; i++) {
      for (int c = 0; c < multiplicity[i]; c++, k++) {
        resampledLabels[k] = labels[i];
        resampledScores[k] = scores[i];
      }
    }
    ThresholdCounts counted =
        ThresholdCounts.of(BinaryClassification.of(labels, scores), multiplicity);
    assertThat(RocCurve.fromCounts(counted, true).auc())
        .isCloseTo(RocCurve.of(resampledLabels, resampledScores).auc(), within(1e-15));
    assertThat(PrecisionRecallCurve.fromCounts(counted).averagePrecision())
        .isCloseTo(
            PrecisionRecallCurve.of(resampledLabels, resampledScores).averagePrecision(),
            within(1e-15));
  }

  @Test
  void resamplingPatientsWithTwoIdenticalImagesEachIsResamplingTheUniqueImages() {
    Random random = new Random(11);
    int n = 30;
    int[] labels = new int[n];
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3 == 0 ? 1 : 0;
      scores[i] = random.nextDouble() + 0.4 * labels[i];
    }
    // Every patient imaged twice (e.g. CC and MLO), with identical scores.
    int[] twiceLabels = new int[2 * n];
    double[] twiceScores = new double[2 * n];
    int[] patients = new int[2 * n];
    for (int i = 0; i < n; i++) {
      for (int view = 0; view < 2; view++) {
        twiceLabels[2 * i + view] = labels[i];
        twiceScores[2 * i + view] = scores[i];
        patients[2 * i + view] = 1000 + i;
      }
    }

    BootstrapIntervals unique = BootstrapIntervals.compute(labels, scores, 7, 500, 0.95);
    BootstrapIntervals byPatient = BootstrapIntervals.compute(twiceLabels, twiceScores, patients, 7, 500, 0.95);
    BootstrapIntervals byImage = BootstrapIntervals.compute(twiceLabels, twiceScores, 7, 500, 0.95);

    // Same draws of the same patients: the same AUC in every replicate, so the same interval.
    assertThat(byPatient.rocAuc().lower()).isCloseTo(unique.rocAuc().lower(), within(1e-12));
    assertThat(byPatient.rocAuc().upper()).isCloseTo(unique.rocAuc().upper(), within(1e-12));
    assertThat(byPatient.usedReplicates()).isEqualTo(unique.usedReplicates());
    // Treating the two views as independent images makes the interval too narrow.
    double patientWidth = byPatient.rocAuc().upper() - byPatient.rocAuc().lower();
    double imageWidth = byImage.rocAuc().upper() - byImage.rocAuc().lower();
    assertThat(imageWidth).isLessThan(patientWidth * 0.85);
  }

  @Test
  void oneSamplePerClusterIsTheSampleBootstrap() {
    int[] labels = {1, 0, 1, 0, 0, 1, 0, 0, 1, 0};
    double[] scores = {0.9, 0.1, 0.4, 0.5, 0.2, 0.8, 0.3, 0.6, 0.7, 0.05};
    int[] clusters = {5, 3, 9, 1, 7, 2, 8, 4, 6, 0};
    BootstrapIntervals samples = BootstrapIntervals.compute(labels, scores, 3, 300, 0.9);
    BootstrapIntervals own = BootstrapIntervals.compute(labels, scores, clusters, 3, 300, 0.9);
    assertThat(own.rocAuc()).isEqualTo(samples.rocAuc());
    assertThat(own.averagePrecision()).isEqualTo(samples.averagePrecision());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BootstrapIntervals.compute(labels, scores, new int[3], 3, 300, 0.9))
        .withMessageContaining("clusters has 3 entries for 10 samples");
  }
}
