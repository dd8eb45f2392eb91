package org.latentcadx.sdk.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.latentcadx.sdk.metrics.SklearnFixtures.doubles;
import static org.latentcadx.sdk.metrics.SklearnFixtures.labels;
import static org.latentcadx.sdk.metrics.SklearnFixtures.scores;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every classification metric against scikit-learn 1.2.1's values in the committed fixtures. */
class ClassificationConformanceTest {

  private static final Offset<Double> TOLERANCE = within(1e-12);

  static List<Path> fixtures() throws IOException {
    return SklearnFixtures.classificationFiles();
  }

  @Test
  void fixturesCoverTheRequiredSets() throws IOException {
    assertThat(fixtures())
        .extracting(p -> p.getFileName().toString())
        .contains("random.json", "tied.json", "tiny.json", "imbalanced-1-to-13.json",
            "integer-scores.json", "all-positive.json");
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void rocCurveAndAucMatchScikitLearn(Path file) {
    JsonNode fixture = SklearnFixtures.read(file);
    if (fixture.get("roc").isNull()) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> RocCurve.of(labels(fixture), scores(fixture)))
          .withMessageContaining("needs both classes");
      return;
    }
    RocCurve dropped = RocCurve.of(labels(fixture), scores(fixture));
    RocCurve full = RocCurve.full(labels(fixture), scores(fixture));
    assertArray(dropped.falsePositiveRates(), fixture.get("roc"), "fpr");
    assertArray(dropped.truePositiveRates(), fixture.get("roc"), "tpr");
    assertArray(dropped.thresholds(), fixture.get("roc"), "thresholds");
    assertArray(full.falsePositiveRates(), fixture.get("roc_full"), "fpr");
    assertArray(full.truePositiveRates(), fixture.get("roc_full"), "tpr");
    assertArray(full.thresholds(), fixture.get("roc_full"), "thresholds");
    assertNumber(dropped.auc(), fixture, "roc_auc");
    assertNumber(full.auc(), fixture, "roc_auc");
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void precisionRecallCurveAndAveragePrecisionMatchScikitLearn(Path file) {
    JsonNode fixture = SklearnFixtures.read(file);
    PrecisionRecallCurve curve = PrecisionRecallCurve.of(labels(fixture), scores(fixture));
    assertArray(curve.precision(), fixture.get("pr"), "precision");
    assertArray(curve.recall(), fixture.get("pr"), "recall");
    assertArray(curve.thresholds(), fixture.get("pr"), "thresholds");
    assertNumber(curve.averagePrecision(), fixture, "average_precision");
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void ratesAtThresholdsMatchScikitLearn(Path file) {
    JsonNode fixture = SklearnFixtures.read(file);
    assertThat(fixture.get("at_threshold").size()).isPositive();
    for (JsonNode expected : fixture.get("at_threshold")) {
      ConfusionMatrix matrix = ConfusionMatrix.atThreshold(
          labels(fixture), scores(fixture), expected.get("threshold").doubleValue());
      assertThat(matrix)
          .isEqualTo(new ConfusionMatrix(expected.get("tp").longValue(), expected.get("fp").longValue(),
              expected.get("tn").longValue(), expected.get("fn").longValue()));
      assertNumber(matrix.precision(), expected, "precision");
      assertNumber(matrix.recall(), expected, "recall");
      assertNumber(matrix.f1(), expected, "f1");
      assertNumber(matrix.specificity(), expected, "specificity");
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void bestF1MatchesTheFixture(Path file) {
    JsonNode fixture = SklearnFixtures.read(file);
    BestF1 best = BestF1.of(labels(fixture), scores(fixture));
    JsonNode expected = fixture.get("best_f1");
    assertThat(best.threshold()).isEqualTo(expected.get("threshold").doubleValue());
    assertNumber(best.f1(), expected, "f1");
    assertNumber(best.f1(), expected, "f1_sklearn");
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void deLongMatchesTheDefinitionComputedInNumpy(Path file) {
    JsonNode fixture = SklearnFixtures.read(file);
    JsonNode expected = fixture.get("delong");
    if (expected.isNull()) {
      return;
    }
    DeLongComparison test =
        DeLongComparison.compare(labels(fixture), scores(fixture), doubles(expected.get("scores_b")));
    assertNumber(test.aucA(), expected, "auc_a");
    assertNumber(test.aucB(), expected, "auc_b");
    assertNumber(test.aucA(), fixture, "roc_auc");
    assertArray(test.covariance()[0], expected.get("covariance"), 0);
    assertArray(test.covariance()[1], expected.get("covariance"), 1);
    assertNumber(test.z(), expected, "z");
    assertNumber(test.pValue(), expected, "p_value");
  }

  private static void assertNumber(double actual, JsonNode expected, String key) {
    assertThat(actual).as(key).isCloseTo(expected.get(key).doubleValue(), TOLERANCE);
  }

  private static void assertArray(double[] actual, JsonNode expected, String key) {
    assertThat(actual).as(key).containsExactly(doubles(expected.get(key)), TOLERANCE);
  }

  private static void assertArray(double[] actual, JsonNode expectedRows, int row) {
    assertThat(actual).as("row %d", row).containsExactly(doubles(expectedRows.get(row)), TOLERANCE);
  }
}
