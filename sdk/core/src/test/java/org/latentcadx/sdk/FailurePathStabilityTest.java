package org.latentcadx.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.testing.TestModel;

/**
 * Runs the failure paths (and a full build/detect/close) over and over and checks that the process's
 * native memory stays flat. The models carry about 2.4 MB of weights each, so one leaked ONNX Runtime
 * session per iteration would add hundreds of megabytes over the loop; the bound allows 100 MB of noise.
 */
class FailurePathStabilityTest {

  private static final int WARM_UP = 15;
  private static final int ITERATIONS = 100;
  private static final long ALLOWED_GROWTH_BYTES = 100L << 20;

  @TempDir Path folder;

  @Test
  void failurePathsDoNotLeakNativeMemory() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs Linux /proc");
    TestModel heavy = TestModel.convolutional(16, new int[] {256, 256}, 5);
    Path valid = heavy.writeTo(folder.resolve("valid.onnx"));
    Path incompatible =
        TestModel.convolutional(16, new int[] {256, 256}, 5)
            .metadata("latentcadx.tile_stride", "999")
            .writeTo(folder.resolve("incompatible.onnx"));
    byte[] bytes = Files.readAllBytes(valid);
    Path truncated =
        Files.write(folder.resolve("truncated.onnx"), Arrays.copyOf(bytes, bytes.length - 1000));
    Path missing = folder.resolve("missing.onnx");
    MammogramImage image = DetectorFixtures.sparse8(20, 18, new int[] {3, 4, 200});
    MammogramImage tooLarge = DetectorFixtures.sparse8(40, 40);

    for (int i = 0; i < WARM_UP; i++) {
      runFailurePaths(valid, incompatible, truncated, missing, image, tooLarge);
    }
    long before = nativeBytes();
    for (int i = 0; i < ITERATIONS; i++) {
      runFailurePaths(valid, incompatible, truncated, missing, image, tooLarge);
    }
    long after = nativeBytes();

    assertThat(after - before)
        .as("native memory growth over %d iterations (before %d MB)", ITERATIONS, before >> 20)
        .isLessThan(ALLOWED_GROWTH_BYTES);
  }

  private static void runFailurePaths(
      Path valid, Path incompatible, Path truncated, Path missing, MammogramImage image,
      MammogramImage tooLarge) throws LatentCadxException {
    assertThat(buildFailure(incompatible)).isEqualTo(ErrorCode.INCOMPATIBLE_MODEL);
    assertThat(buildFailure(truncated)).isEqualTo(ErrorCode.INVALID_MODEL);
    assertThat(buildFailure(missing)).isEqualTo(ErrorCode.MODEL_NOT_FOUND);
    try (LesionDetector detector =
        LesionDetector.builder(ModelSource.path(valid)).intraOpThreads(1).maxImagePixels(1000).build()) {
      assertThat(detector.detect(image).tileCount()).isEqualTo(4);
      LatentCadxException e =
          catchThrowableOfType(LatentCadxException.class, () -> detector.detect(tooLarge));
      assertThat(e.code()).isEqualTo(ErrorCode.IMAGE_TOO_LARGE);
    }
  }

  private static ErrorCode buildFailure(Path model) {
    LatentCadxException e =
        catchThrowableOfType(
            LatentCadxException.class,
            () -> LesionDetector.builder(ModelSource.path(model)).intraOpThreads(1).build().close());
    assertThat(e).as(model.toString()).isNotNull();
    return e.code();
  }

  /** Resident set size minus the committed Java heap: what native allocations hold. */
  private static long nativeBytes() throws IOException {
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
        return kib * 1024 - heap;
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
