package org.latentcadx.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.latentcadx.sdk.bench.DetectHeapProbe;
import org.latentcadx.sdk.testing.Processes;

/**
 * {@code detect} on a 4000 × 6000 16-bit image in a JVM with a small fixed heap ({@code -Xmx160m}, a
 * third of what a float copy of the image and its working arrays needed before): the image is held as
 * 16-bit values and the call's peak working set stays within half the raw pixel bytes, so image and call
 * together need at most 1.5 × the raw bytes ({@link DetectHeapProbe}).
 */
class BoundedHeapTest {

  private static final Pattern RESULT =
      Pattern.compile("image-bytes=(\\d+) detect-peak-bytes=(\\d+) ratio=([0-9.]+)");

  @Test
  void detectOnAFullSizeImageFitsInOneAndAHalfTimesItsRawPixelBytes() throws Exception {
    String classPath =
        String.join(
            File.pathSeparator,
            System.getProperty("java.class.path"),
            System.getProperty("jdk.module.path", ""));
    Processes.Result run =
        Processes.run(
            Duration.ofMinutes(3),
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx160m", "-Xmn4m", "-XX:+UseSerialGC", "-cp", classPath,
                DetectHeapProbe.class.getName()));

    assertThat(run.exitCode()).as(run.output()).isZero();
    Matcher result = RESULT.matcher(run.output());
    assertThat(result.find()).as(run.output()).isTrue();
    long rawBytes = 2L * 4000 * 6000;
    assertThat(Long.parseLong(result.group(1))).as("image held as 16-bit").isEqualTo(rawBytes);
    assertThat(Double.parseDouble(result.group(3))).as(run.output()).isLessThanOrEqualTo(1.5);
  }
}
