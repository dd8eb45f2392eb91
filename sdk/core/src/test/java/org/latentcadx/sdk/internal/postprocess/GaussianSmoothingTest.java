package org.latentcadx.sdk.internal.postprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.testing.Oracles;

/** The map smoothing against SciPy's {@code ndimage.gaussian_filter} (mode "constant"). */
class GaussianSmoothingTest {

  @TempDir Path folder;

  @Test
  void agreesWithScipysGaussianFilter() throws Exception {
    Oracles.requirePython("scipy", "numpy");
    int width = 23;
    int height = 17;
    float[] map = new float[width * height];
    Random random = new Random(5);
    for (int i = 0; i < map.length; i++) {
      map[i] = random.nextFloat();
    }
    // sigma 5: a kernel radius (20) beyond the map's height, so the zero padding matters everywhere.
    for (double sigma : new double[] {0.7, 2, 5}) {
      float[] smoothed = map.clone();
      GaussianSmoothing.smoothInPlace(smoothed, width, height, sigma, 1);
      float[] expected = scipy(map, width, height, sigma);
      for (int i = 0; i < map.length; i++) {
        assertThat(smoothed[i]).as("sigma %s, pixel %d", sigma, i).isCloseTo(expected[i], within(1e-6f));
      }
    }
  }

  @Test
  void bandsOnSeveralThreadsGiveTheOneThreadValues() {
    int width = 97;
    int height = 300; // four bands of at least 64 rows
    float[] map = new float[width * height];
    Random random = new Random(11);
    for (int i = 0; i < map.length; i++) {
      map[i] = random.nextFloat();
    }
    float[] oneThread = map.clone();
    GaussianSmoothing.smoothInPlace(oneThread, width, height, 16, 1);
    for (int threads : new int[] {2, 4, 7}) {
      float[] banded = map.clone();
      GaussianSmoothing.smoothInPlace(banded, width, height, 16, threads);
      assertThat(banded).as("%d threads", threads).containsExactly(oneThread);
    }
    assertThat(oneThread).isNotEqualTo(map);
  }

  @Test
  void sigmaZeroLeavesTheMapAndBadArgumentsAreRefused() {
    float[] map = {0.1f, 0.9f, 0.3f, 0.4f, 0.5f, 0.6f};
    GaussianSmoothing.smoothInPlace(map, 3, 2, 0, 1);
    assertThat(map).containsExactly(0.1f, 0.9f, 0.3f, 0.4f, 0.5f, 0.6f);
    assertThatThrownBy(() -> GaussianSmoothing.smoothInPlace(map, 4, 2, 1, 1))
        .hasMessage("expected 4 × 2 values, got 6");
    assertThatThrownBy(() -> GaussianSmoothing.smoothInPlace(map, 3, 2, Double.NaN, 1))
        .hasMessage("sigma must be >= 0, got NaN");
  }

  private float[] scipy(float[] map, int width, int height, double sigma) throws Exception {
    Path in = folder.resolve("in.f32");
    Path out = folder.resolve("out.f32");
    ByteBuffer bytes = ByteBuffer.allocate(map.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(map);
    Files.write(in, bytes.array());
    String script =
        "import sys, numpy\n"
            + "from scipy import ndimage\n"
            + "m = numpy.fromfile(sys.argv[1], '<f4').reshape(int(sys.argv[4]), int(sys.argv[3]))\n"
            + "ndimage.gaussian_filter(m, float(sys.argv[5]), mode='constant')"
            + ".astype('<f4').tofile(sys.argv[2])\n";
    Process process =
        new ProcessBuilder(
                List.of(Oracles.PYTHON.toString(), "-c", script, in.toString(), out.toString(),
                    String.valueOf(width), String.valueOf(height), String.valueOf(sigma)))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    float[] result = new float[map.length];
    ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(result);
    return result;
  }
}
