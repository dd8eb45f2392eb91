package org.latentcadx.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.latentcadx.sdk.ProbabilityMap.UpsampleMethod;

class ProbabilityMapTest {

  /** A 2×1 map at factor 2 over a 3×2 original image (the last column is half a block). */
  private final ProbabilityMap map = new ProbabilityMap(2, 1, 2, 3, 2, new float[] {0.2f, 0.6f});

  @Test
  void nearestRepeatsEachMapPixelOverItsBlock() {
    ProbabilityMap full = map.toOriginalSize(UpsampleMethod.NEAREST);
    assertThat(full.width()).isEqualTo(3);
    assertThat(full.height()).isEqualTo(2);
    assertThat(full.downsampleFactor()).isEqualTo(1);
    assertThat(full.values()).containsExactly(0.2f, 0.2f, 0.6f, 0.2f, 0.2f, 0.6f);
  }

  /**
   * Original column X samples map position (X + 0.5)/2 − 0.5: −0.25 (clamped to 0), 0.25, 0.75; rows
   * all sample row 0.
   */
  @Test
  void bilinearInterpolatesBetweenMapPixelCentres() {
    float[] values = map.toOriginalSize(UpsampleMethod.BILINEAR).values();
    float quarter = 0.2f * 0.75f + 0.6f * 0.25f;
    float threeQuarters = 0.2f * 0.25f + 0.6f * 0.75f;
    assertThat(values).containsExactly(0.2f, quarter, threeQuarters, 0.2f, quarter, threeQuarters);
  }

  @Test
  void inconsistentSizesAreRefused() {
    assertThatThrownBy(() -> new ProbabilityMap(2, 1, 2, 5, 2, new float[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not cover a 5x2 image");
    assertThatThrownBy(() -> new ProbabilityMap(2, 2, 1, 2, 2, new float[3]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
