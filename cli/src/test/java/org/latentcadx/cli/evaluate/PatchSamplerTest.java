package org.latentcadx.cli.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.latentcadx.sdk.ProbabilityMap;
import org.latentcadx.sdk.metrics.SegmentationSample;

class PatchSamplerTest {

  /** A 40×30 image whose 20×15 map (factor 2) holds x + 100·y at map pixel (x, y), scaled to [0, 1]. */
  private static ProbabilityMap map() {
    float[] values = new float[20 * 15];
    for (int i = 0; i < values.length; i++) {
      values[i] = (i % 20 + 100 * (i / 20)) / 2000f;
    }
    return new ProbabilityMap(20, 15, 2, 40, 30, values);
  }

  private static MaskReader.Mask square(int width, int height, int x0, int y0, int side) {
    boolean[] inside = new boolean[width * height];
    for (int y = y0; y < y0 + side; y++) {
      for (int x = x0; x < x0 + side; x++) {
        inside[y * width + x] = true;
      }
    }
    return new MaskReader.Mask(width, height, inside);
  }

  @Test
  void patchIsCentredOnTheOutlineAndKeptInsideTheMap() {
    // Outline: original pixels 30..37 × 20..27, centre (34, 24) → map centre (17, 12); an 8×8 patch
    // would start at (13, 8) but is shifted to (12, 7) to stay inside the 20×15 map.
    SegmentationSample sample =
        new PatchSampler(8).sample("mass", 40, 30, map(), square(40, 30, 30, 20, 8), Optional.empty());

    assertThat(sample.width()).isEqualTo(8);
    assertThat(sample.height()).isEqualTo(8);
    assertThat(sample.prediction()[0]).isEqualTo((12 + 100 * 7) / 2000f);
    assertThat(sample.classScore()).isEqualTo((19 + 100 * 14) / 2000f, org.assertj.core.data.Offset.offset(1e-6));
    // The outline covers map pixels 15..18 × 10..13, i.e. patch pixels 3..6 × 3..6.
    float[] annotation = sample.annotation();
    int inside = 0;
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        boolean expected = x >= 3 && x <= 6 && y >= 3 && y <= 6;
        assertThat(annotation[y * 8 + x]).as("(%d, %d)", x, y).isEqualTo(expected ? 1f : 0f);
        inside += expected ? 1 : 0;
      }
    }
    assertThat(inside).isEqualTo(16);
    assertThat(sample.trueLesion()).isNull();
  }

  @Test
  void halfCoveredMapPixelsAreInsideAndMasksOfAnotherSizeAreResized() {
    // An outline of odd size covering original 1..2 × 1..2 covers map pixel (0,0) by 1/4, (1,1) by 1/4.
    SegmentationSample quarter =
        new PatchSampler(256).sample("mass", 40, 30, map(), square(40, 30, 1, 1, 2), Optional.empty());
    assertThat(sum(quarter.annotation())).isZero();
    // Covering 0..3 × 0..3 covers map pixels (0..1, 0..1) fully; a 20×15 mask is resized ×2 first.
    SegmentationSample resized =
        new PatchSampler(256).sample("mass", 40, 30, map(), square(20, 15, 0, 0, 2), Optional.of(square(40, 30, 0, 0, 4)));
    assertThat(sum(resized.annotation())).isEqualTo(4);
    assertThat(sum(resized.trueLesion())).isEqualTo(4);
  }

  @Test
  void mapThatCannotCoverTheImageIsRefused() {
    assertThatThrownBy(
            () -> new PatchSampler(8).sample("mass", 41, 30, map(), square(41, 30, 0, 0, 1), Optional.empty()))
        .hasMessageContaining("does not cover a 41x30 image");
  }

  private static int sum(float[] values) {
    int sum = 0;
    for (float value : values) {
      sum += (int) value;
    }
    return sum;
  }
}
