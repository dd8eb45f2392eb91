package org.latentcadx.cli.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.cli.CliRun;
import org.latentcadx.cli.ExitCodes;
import org.latentcadx.cli.io.Json;
import org.latentcadx.cli.io.Sha256;
import org.latentcadx.sdk.testing.TestModel;

class InspectCommandTest {

  @TempDir Path dir;

  @Test
  void showsMetadataTensorsProvenanceAndProviders() throws IOException {
    Path model =
        TestModel.identity(32)
            .metadata("latentcadx.provenance.seed", "7")
            .metadata("producer_note", "hand-built")
            .metadata("latentcadx.intended_use", "Unit tests only.")
            .metadata("latentcadx.map_smoothing_sigma", "16")
            .writeTo(dir.resolve("model.onnx"));

    CliRun text = CliRun.of("inspect", "--model", model);
    assertThat(text.exitCode()).as(text.err()).isEqualTo(ExitCodes.OK);
    assertThat(text.out())
        .contains("model:      test-identity 0.0.1")
        .contains("sha256:     " + Sha256.of(model))
        .contains("use:        Unit tests only.")
        .contains("mapSmoothing       16.0")
        .contains("input  image        float32 [N, 1, 32, 32]")
        .contains("seed")
        .contains("producer_note")
        .contains("execution providers available here: ")
        .contains("CPU");

    CliRun json = CliRun.of("inspect", "--model", model, "--json");
    JsonNode report = Json.mapper().readTree(json.out());
    assertThat(report.at("/contract/tileSize").asInt()).isEqualTo(32);
    assertThat(report.at("/contract/mapSmoothing").asDouble()).isEqualTo(16);
    assertThat(report.at("/intendedUse").asText()).isEqualTo("Unit tests only.");
    assertThat(report.at("/tensors/2/name").asText()).isEqualTo("mask");
    assertThat(report.at("/provenance/seed").asText()).isEqualTo("7");
    assertThat(report.at("/availableExecutionProviders").toString()).contains("CPU");
  }

  @Test
  void aModelThatBreaksTheContractGetsEveryViolationListed() {
    Path model = TestModel.identity(32)
        .metadata("latentcadx.tile_stride", "64")
        .metadata("latentcadx.model_version", null)
        .graphTensorNames("pixels", "probability", "mask")
        .writeTo(dir.resolve("model.onnx"));

    CliRun run = CliRun.of("inspect", "--model", model);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .contains("breaks the model contract (see sdk/MODEL_CONTRACT.md) in 3 way(s):")
        .contains("  - metadata key 'latentcadx.tile_stride' is '64'; expected an integer in [1, 32]")
        .contains("  - metadata key 'latentcadx.model_version' is missing")
        .contains("  - has no input 'image' (it has [pixels]); expected float32 [N, 1, 32, 32]");
  }

  @Test
  void invalidModelIsAUsageError() throws IOException {
    Path notOnnx = Files.writeString(dir.resolve("model.onnx"), "not a model");
    CliRun run = CliRun.of("inspect", "--model", notOnnx);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("INVALID_MODEL");
  }
}
