package org.latentcadx.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TensorComparisonTest {

  private static final Tolerance ONNX_RUNTIME = new Tolerance(1e-3, 1e-5);

  private static Tensor floats(float... values) {
    return Tensor.ofFloats(new long[] {2, 2}, values);
  }

  @Test
  void withinRtolAndAtolPasses() {
    CheckResult r =
        TensorComparison.compare("c", "x", floats(1, 0, 0.5f, 2), floats(1.0009f, 0.000009f, 0.5f, 2), ONNX_RUNTIME);
    assertThat(r.passed()).as(r.detail()).isTrue();
    assertThat(r.detail()).startsWith("max |diff| 0.000900");
  }

  @Test
  void reportsTheWorstElementItsIndexAndBothValues() {
    CheckResult r =
        TensorComparison.compare("c", "x", floats(1, 0, 0.5f, 2), floats(1.002f, 0, 0.6f, 2), ONNX_RUNTIME);
    assertThat(r.passed()).isFalse();
    assertThat(r.detail())
        .startsWith("2 of 4 values outside rtol 1e-03, atol 1e-05; worst at [1, 0]: expected 0.5")
        .contains("actual 0.600000024");
  }

  @Test
  void nanFailsAndIsTheWorstElement() {
    CheckResult r =
        TensorComparison.compare("c", "x", floats(1, 0, 0.5f, 2), floats(5, 0, 0.5f, Float.NaN), ONNX_RUNTIME);
    assertThat(r.passed()).isFalse();
    assertThat(r.detail()).contains("worst at [1, 1]: expected 2, actual NaN");
  }

  @Test
  void exactComparisonRanksByDifference() {
    Tensor expected = Tensor.ofLongs(new long[] {3, 2}, new long[] {0, 0, 128, 0, 143, 0});
    Tensor actual = Tensor.ofLongs(new long[] {3, 2}, new long[] {0, 0, 129, 0, 140, 0});
    CheckResult r = TensorComparison.compare("c", "tile_origins", expected, actual, Tolerance.EXACT);
    assertThat(r.passed()).isFalse();
    assertThat(r.detail()).isEqualTo(
        "2 of 6 values outside exact; worst at [2, 0]: expected 143, actual 140 (|diff| 3.00 > 0.00)");
  }

  @Test
  void differentShapesFailNamingBoth() {
    CheckResult r =
        TensorComparison.compare(
            "c", "x", floats(1, 2, 3, 4), Tensor.ofFloats(new long[] {4}, new float[] {1, 2, 3, 4}), ONNX_RUNTIME);
    assertThat(r.passed()).isFalse();
    assertThat(r.detail()).isEqualTo("shape [4], expected [2, 2]");
  }
}
