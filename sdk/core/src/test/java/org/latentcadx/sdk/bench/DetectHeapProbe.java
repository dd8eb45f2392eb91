package org.latentcadx.sdk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.latentcadx.sdk.DetectionResult;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.ModelSource;
import org.latentcadx.sdk.testing.TestModel;

/**
 * The heap one {@link LesionDetector#detect} call holds on a 4000 × 6000 16-bit image, measured in its own
 * JVM: after a warm-up call and a full collection (the image and the detector stay live), a thread samples
 * the heap in use every millisecond during one more call; the largest sample minus the heap in use before
 * the call is the call's peak. That is an upper bound of its working set (it counts garbage not yet
 * collected) when the young generation is small, e.g. {@code -XX:+UseSerialGC -Xmn4m}. Prints one line,
 * {@code image-bytes=… detect-peak-bytes=… ratio=…}, the ratio being (image bytes + peak) / raw pixel bytes
 * (2 per pixel). Used by {@code BoundedHeapTest}; see {@code docs/PERFORMANCE.md}.
 */
public final class DetectHeapProbe {

  private DetectHeapProbe() {}

  public static void main(String[] args) throws Exception {
    Path model = Files.createTempFile("latentcadx-heap", ".onnx");
    try {
      Files.write(
          model,
          TestModel.convolutional(256, new int[] {4, 4}, 2021)
              .metadata("latentcadx.downsample_factor", "4")
              .metadata("latentcadx.tile_stride", "128")
              .toBytes());
      MammogramImage image = DetectorBenchmark.syntheticMammogram();
      try (LesionDetector detector =
          LesionDetector.builder(ModelSource.path(model)).intraOpThreads(1).build()) {
        detector.detect(image);
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler =
            new Thread(
                () -> {
                  while (running.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    LockSupport.parkNanos(1_000_000);
                  }
                });
        sampler.start();
        DetectionResult result = detector.detect(image);
        running.set(false);
        sampler.join();
        long detectPeak = peak.get() - before;
        long raw = 2L * DetectorBenchmark.WIDTH * DetectorBenchmark.HEIGHT;
        System.out.printf(
            Locale.ROOT,
            "image-bytes=%d detect-peak-bytes=%d ratio=%.3f map=%dx%d%n",
            image.pixelBytes(), detectPeak, (image.pixelBytes() + detectPeak) / (double) raw,
            result.probabilityMap().width(), result.probabilityMap().height());
      }
    } finally {
      Files.deleteIfExists(model);
    }
  }
}
