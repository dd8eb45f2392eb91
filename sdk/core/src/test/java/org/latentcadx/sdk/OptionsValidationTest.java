package org.latentcadx.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Out-of-range options fail where they are set, naming the option and its range. */
class OptionsValidationTest {

  private final LesionDetector.Builder builder =
      LesionDetector.builder(ModelSource.path(Path.of("unused.onnx")));

  @Test
  void builderOptionsAreRangeChecked() {
    assertThatThrownBy(() -> builder.batchSize(0)).hasMessage("batch size must be in [1, 1024], got 0");
    assertThatThrownBy(() -> builder.intraOpThreads(0))
        .hasMessage("intra-op threads must be in [1, 256], got 0");
    assertThatThrownBy(() -> builder.interOpThreads(300))
        .hasMessage("inter-op threads must be in [1, 256], got 300");
    assertThatThrownBy(() -> builder.stride(0)).hasMessageContaining("stride must be in [1, ");
    assertThatThrownBy(() -> builder.maxImagePixels(0))
        .hasMessage("max image pixels must be >= 1, got 0");
    assertThatThrownBy(() -> builder.lesionThreshold(Float.NaN))
        .hasMessage("lesion threshold must be in (0, 1], got NaN");
    assertThatThrownBy(() -> builder.lesionThreshold(0f))
        .hasMessage("lesion threshold must be in (0, 1], got 0.0");
    assertThatThrownBy(() -> builder.lesionThreshold(1.5f))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.mapSmoothing(-1))
        .hasMessage("map smoothing must be in [0, 64] map pixels, got -1.0");
    assertThatThrownBy(() -> builder.mapSmoothing(Double.NaN))
        .hasMessage("map smoothing must be in [0, 64] map pixels, got NaN");
    assertThatThrownBy(() -> builder.mapSmoothing(65)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deviceAndAggregationArgumentsAreChecked() {
    assertThatThrownBy(() -> Device.cuda(-1)).hasMessage("CUDA device id must be >= 0, got -1");
    assertThatThrownBy(() -> Aggregation.topKMean(0)).hasMessage("top-k mean needs k >= 1, got 0");
    assertThatThrownBy(() -> Aggregation.max().apply(new float[0]))
        .hasMessage("no tile probabilities to aggregate");
    assertThat(Device.cuda(1)).hasToString("cuda:1").isEqualTo(Device.cuda(1));
    assertThat(Aggregation.topKMean(5)).hasToString("top-5-mean");
  }
}
