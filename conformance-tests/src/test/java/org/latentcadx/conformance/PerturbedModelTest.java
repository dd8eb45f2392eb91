package org.latentcadx.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The kit fails, and says where, when the model's weights differ from those of the goldens. */
class PerturbedModelTest {

  @Test
  void aChangedInitializerFailsTheModelChecksAndLeavesTheRestPassing(@TempDir Path dir) throws Exception {
    Path perturbed = dir.resolve("perturbed.onnx");
    Files.write(perturbed, scaleFirstValue(GoldenFiles.bundled().read("lite-seed/model.onnx"), 1.5f));

    StringWriter out = new StringWriter();
    int exit =
        new CommandLine(new ConformanceCommand())
            .setOut(new PrintWriter(out))
            .execute("--model", "lite-seed", "--model-file", perturbed.toString());

    String report = out.toString();
    assertThat(exit).as(report).isEqualTo(1);
    assertThat(report)
        .containsPattern("lite-seed/patch_single/test_data_set_0 +mask +FAIL .*worst at \\[0, 0, \\d+, \\d+\\]: expected \\S+, actual \\S+")
        .containsPattern("lite-seed/image_wide/test_data_set_0 +map +FAIL")
        .containsPattern("lite-seed/image_wide/test_data_set_0 +preprocessed +PASS")
        .containsPattern("lite-seed/image_wide/test_data_set_0 +tile_origins +PASS")
        .containsPattern("lite-seed/metrics_small/test_data_set_0 +roc_auc +PASS")
        .containsPattern("\\d+ checks, \\d+ passed, [1-9]\\d* failed");
  }

  /**
   * The model with the first value of its last convolution kernel (the mask head's, which the exporter
   * writes last) multiplied by {@code factor}.
   */
  private static byte[] scaleFirstValue(byte[] onnx, float factor) throws Exception {
    ModelProto.Builder model = ModelProto.parseFrom(onnx).toBuilder();
    var graph = model.getGraphBuilder();
    for (int i = graph.getInitializerCount() - 1; i >= 0; i--) {
      TensorProto tensor = graph.getInitializer(i);
      if (tensor.getName().endsWith("/kernel")) {
        ByteBuffer raw = ByteBuffer.wrap(tensor.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        raw.putFloat(0, raw.getFloat(0) * factor);
        graph.setInitializer(i, tensor.toBuilder().setRawData(ByteString.copyFrom(raw.array())));
        return model.build().toByteArray();
      }
    }
    throw new AssertionError("model has no convolution kernel initializer");
  }
}
