package org.latentcadx.trainer.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentcadx.sdk.model.ModelContract;
import org.latentcadx.trainer.model.Architecture;

/** The exporter's metadata is what the SDK's contract parser reads back. */
class ContractMetadataTest {

  private static final ContractMetadata DEFAULTS =
      ContractMetadata.defaults("latentcadx-test", Architecture.LITE, "bits_stored", Map.of("seed", "3"));

  @Test
  void theSdkParsesTheExportedThresholdAndMapSmoothing() throws Exception {
    Map<String, String> properties =
        DEFAULTS.withDecisionThreshold(0.35).withMapSmoothing(16).toProperties();

    assertThat(properties).containsEntry(ModelContract.KEY_MAP_SMOOTHING, "16.0");
    ModelContract contract = ModelContract.parse(properties, "exported");
    assertThat(contract.decisionThreshold()).isEqualTo(0.35f);
    assertThat(contract.mapSmoothing()).isEqualTo(16);
    assertThat(ModelContract.violations(properties)).isEmpty();
  }

  @Test
  void noMapSmoothingWritesNoKeySoModelsStayAsBefore() throws Exception {
    Map<String, String> properties = DEFAULTS.toProperties();

    assertThat(properties).doesNotContainKey(ModelContract.KEY_MAP_SMOOTHING);
    assertThat(ModelContract.parse(properties, "exported").mapSmoothing()).isZero();
  }

  @Test
  void mapSmoothingOutsideTheContractsRangeIsRefused() {
    assertThatThrownBy(() -> DEFAULTS.withMapSmoothing(65))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[0, 64]");
    assertThatThrownBy(() -> DEFAULTS.withMapSmoothing(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
