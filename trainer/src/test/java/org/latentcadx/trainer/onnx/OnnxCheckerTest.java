package org.latentcadx.trainer.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentcadx.sdk.testing.Oracles;
import org.latentcadx.trainer.model.Architecture;
import org.latentcadx.trainer.model.Network;
import org.latentcadx.trainer.model.Weights;

/** Debian's python3-onnx checker (full check, shape inference included) accepts exported models. */
class OnnxCheckerTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  @ParameterizedTest
  @ValueSource(strings = {"lite", "lite-deep", "lite-deep-max", "lite-deep-wide", "lite-deep-wide-decoder", "lite-deep-whitened", "resnet54"})
  void onnxCheckerAcceptsExportedModel(String preset, @TempDir Path dir)
      throws IOException, InterruptedException {
    Oracles.requirePython("onnx");
    Architecture architecture = Architecture.preset(preset);
    Network network = architecture.network();
    Path model = dir.resolve(preset + ".onnx");
    ModelExport.write(
        model,
        network,
        Weights.initial(network.params(), 1),
        ContractMetadata.defaults(
            "latentcadx-" + preset, architecture, "optical_density", Map.of("seed", "1")));

    String script =
        "import onnx, sys\n"
            + "m = onnx.load(sys.argv[1])\n"
            + "onnx.checker.check_model(m, full_check=True)\n"
            + "print(m.ir_version, m.opset_import[0].version,"
            + " [o.name for o in m.graph.output],"
            + " {p.key: p.value for p in m.metadata_props}['latentcadx.tile_size'])\n";
    Result result = python(script, model.toString());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("8 17 ['probability', 'mask'] 256");
  }

  private record Result(int exitCode, String output) {}

  private static Result python(String script, String argument)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        argument == null
            ? new ProcessBuilder(PYTHON.toString(), "-c", script)
            : new ProcessBuilder(PYTHON.toString(), "-c", script, argument);
    Process process = builder.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output);
  }
}
