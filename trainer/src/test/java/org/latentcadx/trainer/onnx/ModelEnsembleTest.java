package org.latentcadx.trainer.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.testing.Oracles;
import org.latentcadx.trainer.model.Architecture;
import org.latentcadx.trainer.model.FloatArray;
import org.latentcadx.trainer.model.Network;

/** An ensemble model outputs the mean of its members' outputs, and the ONNX checker accepts it. */
class ModelEnsembleTest {
  private static final Architecture LITE = Architecture.preset("lite");

  @Test
  void outputsAreTheMeanOfTheMembersOutputs(@TempDir Path dir) throws Exception {
    Network network = LITE.network();
    ModelProto[] members = new ModelProto[3];
    for (int m = 0; m < members.length; m++) {
      members[m] =
          ModelProto.parseFrom(
              ModelExport.toBytes(
                  network, TestWeights.withRandomStatistics(network, 20 + m),
                  ContractMetadata.defaults("member", LITE, "bits_stored", Map.of("seed", Integer.toString(m)))));
    }
    ModelProto ensemble =
        ModelEnsemble.of(List.of(members), Map.of("latentcadx.model_name", "ensemble"));
    FloatArray patches = TestPatches.randomAndLesion(LITE.tileSize(), 5);

    FloatArray[] averaged = OnnxParityTest.runOnnxRuntime(ensemble.toByteArray(), patches);
    float[][] sums = {new float[averaged[0].values().length], new float[averaged[1].values().length]};
    for (ModelProto member : members) {
      FloatArray[] outputs = OnnxParityTest.runOnnxRuntime(member.toByteArray(), patches);
      for (int o = 0; o < 2; o++) {
        for (int i = 0; i < sums[o].length; i++) {
          sums[o][i] += outputs[o].values()[i] / members.length;
        }
      }
    }

    for (int o = 0; o < 2; o++) {
      assertThat(averaged[o].maxAbsDifference(new FloatArray(averaged[o].shape(), sums[o]))).isLessThan(1e-6);
    }
    FloatArray mask = averaged[1];
    assertThat(mask.maxAbsDifference(new FloatArray(mask.shape(), new float[mask.values().length])))
        .as("not an all-zero mask")
        .isGreaterThan(1e-3f);
    Map<String, String> metadata =
        ensemble.getMetadataPropsList().stream()
            .collect(Collectors.toMap(StringStringEntryProto::getKey, StringStringEntryProto::getValue));
    assertThat(metadata)
        .containsEntry("latentcadx.model_name", "ensemble")
        .containsEntry("latentcadx.tile_size", "256")
        .containsEntry("latentcadx.provenance.seed", "0");

    Oracles.requirePython("onnx");
    Path file = dir.resolve("ensemble.onnx");
    Files.write(file, ensemble.toByteArray());
    Process checker =
        new ProcessBuilder(
                "/usr/bin/python3", "-c",
                "import onnx, sys; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True); print('ok')",
                file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(checker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(checker.waitFor()).as(output).isZero();
  }

  @Test
  void membersOfAnotherContractAreRefused() throws Exception {
    Network network = LITE.network();
    ModelProto member =
        ModelProto.parseFrom(
            ModelExport.toBytes(
                network, TestWeights.withRandomStatistics(network, 1),
                ContractMetadata.defaults("member", LITE, "bits_stored", Map.of())));
    ModelProto renamedOutput =
        member.toBuilder()
            .setGraph(member.getGraph().toBuilder().setOutput(0, member.getGraph().getOutput(0).toBuilder().setName("p")))
            .build();

    assertThatThrownBy(() -> ModelEnsemble.of(List.of(member, renamedOutput), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must share inputs, outputs and opsets");
    assertThatThrownBy(() -> ModelEnsemble.of(List.of(member), Map.of()))
        .hasMessageContaining("at least two members");
  }
}
