package org.latentcadx.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterHullTest {
  private static final int SIZE = 16;

  private static float[] specks(int... xy) {
    float[] mask = new float[SIZE * SIZE];
    for (int i = 0; i < xy.length; i += 2) {
      mask[xy[i + 1] * SIZE + xy[i]] = 1;
    }
    return mask;
  }

  private static int count(float[] mask) {
    int n = 0;
    for (float v : mask) {
      n += v > 0.5f ? 1 : 0;
    }
    return n;
  }

  @Test
  void aSinglePixelIsItsOwnHull() {
    float[] hull = ClusterHull.of(specks(5, 7), SIZE);

    assertThat(count(hull)).isEqualTo(1);
    assertThat(hull[7 * SIZE + 5]).isEqualTo(1f);
  }

  @Test
  void threeSpecksSpanTheTriangleBetweenThem() {
    float[] hull = ClusterHull.of(specks(2, 2, 12, 2, 2, 12), SIZE);

    // Corners and an inside point are covered; a point beyond the hypotenuse is not.
    assertThat(hull[2 * SIZE + 2]).isEqualTo(1f);
    assertThat(hull[2 * SIZE + 12]).isEqualTo(1f);
    assertThat(hull[12 * SIZE + 2]).isEqualTo(1f);
    assertThat(hull[5 * SIZE + 5]).isEqualTo(1f);
    assertThat(hull[11 * SIZE + 11]).isZero();
    // The closed triangle of pixel squares: between the 11×11/2 of the centres and the 66 of the full box.
    assertThat(count(hull)).isBetween(60, 90);
  }

  @Test
  void anEmptyMaskHasAnEmptyHull() {
    assertThat(count(ClusterHull.of(new float[SIZE * SIZE], SIZE))).isZero();
  }
}
