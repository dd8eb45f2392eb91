package org.latentcadx.sdk.internal.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.latentcadx.sdk.ImageMetadata;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.internal.FloatGrid;
import org.latentcadx.sdk.model.ModelContract;

class ModelScaleConverterTest {

  private static final int FACTOR = 4;

  private final ModelScaleConverter converter = converter();

  @Test
  void bandsOnSeveralThreadsGiveTheOneThreadValuesInAZeroPaddedGrid() throws Exception {
    int width = 1003;
    int height = 2010; // neither a multiple of the factor: edge blocks average in padding zeros
    short[] pixels = new short[width * height];
    Random random = new Random(3);
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (short) random.nextInt(4096);
    }
    MammogramImage image = MammogramImage.ofShorts(
        width, height, pixels, false, ImageMetadata.of("noise").withBitsStored(12));
    FloatGrid oneThread = converter.convert(image);
    assertThat(oneThread.width()).isEqualTo(251);
    assertThat(oneThread.height()).isEqualTo(503);
    assertThat(oneThread.data()).containsExactly(blockMeans(pixels, width, height, 4095f));

    for (int threads : new int[] {2, 3, 8}) {
      FloatGrid bands = converter.convert(image, 300, 520, threads);
      assertThat(bands.width()).isEqualTo(300);
      assertThat(bands.height()).isEqualTo(520);
      for (int y = 0; y < bands.height(); y++) {
        float[] row = Arrays.copyOfRange(bands.data(), y * 300, (y + 1) * 300);
        float[] expected = new float[300];
        if (y < 503) {
          System.arraycopy(oneThread.data(), y * 251, expected, 0, 251);
        }
        assertThat(row).as("%d threads, row %d", threads, y).containsExactly(expected);
      }
    }
  }

  @Test
  void theFirstFailingRowIsReportedWhicheverBandFindsIt() throws Exception {
    int width = 64;
    int height = 4096;
    float[] pixels = new float[width * height];
    pixels[1500 * width + 7] = 2f; // second band of four
    pixels[3000 * width + 9] = -1f; // fourth band
    MammogramImage image = MammogramImage.ofFloats(width, height, pixels, ImageMetadata.of("bad"));

    assertThatThrownBy(() -> converter.convert(image, 0, 0, 4))
        .isInstanceOf(LatentCadxException.class)
        .hasMessageContaining("pixel (7, 1500) is 2.0");
  }

  /**
   * The f × f block means of value / maxLevel, written out plainly: per original row, each block's
   * pixels summed in double from left to right, the rows' sums added from top to bottom, divided by f².
   */
  private static float[] blockMeans(short[] pixels, int width, int height, float maxLevel) {
    int blocksWide = (width + FACTOR - 1) / FACTOR;
    int blocksHigh = (height + FACTOR - 1) / FACTOR;
    float[] means = new float[blocksWide * blocksHigh];
    for (int by = 0; by < blocksHigh; by++) {
      for (int bx = 0; bx < blocksWide; bx++) {
        double total = 0;
        for (int y = by * FACTOR; y < Math.min(height, (by + 1) * FACTOR); y++) {
          double rowSum = 0;
          for (int x = bx * FACTOR; x < Math.min(width, (bx + 1) * FACTOR); x++) {
            rowSum += Math.max(0f, Math.min(1f, (pixels[y * width + x] & 0xFFFF) / maxLevel));
          }
          total += rowSum;
        }
        means[by * blocksWide + bx] = (float) (total / (FACTOR * FACTOR));
      }
    }
    return means;
  }

  private static ModelScaleConverter converter() {
    try {
      ModelContract contract = ModelContract.parse(Map.ofEntries(
          Map.entry("latentcadx.contract_version", "1"),
          Map.entry("latentcadx.model_name", "test"),
          Map.entry("latentcadx.model_version", "0.0.1"),
          Map.entry("latentcadx.input_name", "image"),
          Map.entry("latentcadx.output_probability_name", "probability"),
          Map.entry("latentcadx.output_mask_name", "mask"),
          Map.entry("latentcadx.tile_size", "64"),
          Map.entry("latentcadx.tile_stride", "32"),
          Map.entry("latentcadx.downsample_factor", Integer.toString(FACTOR)),
          Map.entry("latentcadx.normalization", "bits_stored"),
          Map.entry("latentcadx.decision_threshold", "0.5")), "test");
      return new ModelScaleConverter(new GreyLevelNormalizer(contract, Optional.empty()), FACTOR);
    } catch (LatentCadxException e) {
      throw new AssertionError(e);
    }
  }
}
