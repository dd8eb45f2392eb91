package org.latentcadx.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.testing.TestModel;

/** Device selection with the CPU-only ONNX Runtime artifact this build uses. */
class DeviceTest {

  @TempDir Path folder;

  private static void assumeCpuOnlyRuntime() {
    assumeFalse(
        OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA),
        "this ONNX Runtime has the CUDA provider");
  }

  @Test
  void cudaFailsNamingTheCauseAndTheGpuArtifact() {
    assumeCpuOnlyRuntime();
    LatentCadxException e =
        catchThrowableOfType(
            LatentCadxException.class,
            () -> DetectorFixtures.detector(TestModel.identity(4), folder).device(Device.cuda(0)).build());
    assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_UNAVAILABLE);
    assertThat(e)
        .hasMessageContaining("CUDA execution provider is not in this ONNX Runtime build")
        .hasMessageContaining("com.microsoft.onnxruntime:onnxruntime_gpu");
  }

  @Test
  void autoFallsBackToTheCpuAndSaysWhy() throws Exception {
    assumeCpuOnlyRuntime();
    try (LesionDetector detector =
        DetectorFixtures.detector(TestModel.identity(4), folder).device(Device.auto()).build()) {
      assertThat(detector.executionProvider()).isEqualTo(ExecutionProvider.CPU);
      assertThat(detector.deviceFallbackReason()).hasValueSatisfying(
          reason -> assertThat(reason).contains("onnxruntime_gpu"));
      MammogramImage image = DetectorFixtures.sparse8(4, 4, new int[] {1, 1, 255});
      assertThat(detector.detect(image).executionProvider()).isEqualTo(ExecutionProvider.CPU);
    }
  }

  @Test
  void cpuHasNoFallbackReason() throws Exception {
    try (LesionDetector detector = DetectorFixtures.detector(TestModel.identity(4), folder).build()) {
      assertThat(detector.executionProvider()).isEqualTo(ExecutionProvider.CPU);
      assertThat(detector.deviceFallbackReason()).isEmpty();
    }
  }
}
