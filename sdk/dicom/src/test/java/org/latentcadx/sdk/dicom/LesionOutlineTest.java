package org.latentcadx.sdk.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LesionOutlineTest {

  @Test
  void aSquareIsTracedClockwiseThroughItsBorderPixels() {
    boolean[] square = mask(3, 3, "###", "###", "###");

    assertThat(points(LesionOutline.trace(square, 3, 3)))
        .containsExactly("0,0", "1,0", "2,0", "2,1", "2,2", "1,2", "0,2", "0,1");
  }

  @Test
  void aConcaveShapeKeepsItsNotch() {
    boolean[] u = mask(3, 3, "#.#", "#.#", "###");

    assertThat(points(LesionOutline.trace(u, 3, 3)))
        .containsExactly("0,0", "0,1", "1,2", "2,1", "2,0", "2,1", "2,2", "1,2", "0,2", "0,1");
  }

  @Test
  void aOnePixelWideSpurIsWalkedOutAndBack() {
    boolean[] spur = mask(4, 2, "####", "#...");

    assertThat(points(LesionOutline.trace(spur, 4, 2)))
        .containsExactly("0,0", "1,0", "2,0", "3,0", "2,0", "1,0", "0,1");
  }

  @Test
  void aSinglePixelIsItsOwnOutline() {
    assertThat(points(LesionOutline.trace(mask(2, 2, "..", ".#"), 2, 2))).containsExactly("1,1");
  }

  private static boolean[] mask(int width, int height, String... rows) {
    boolean[] inside = new boolean[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        inside[y * width + x] = rows[y].charAt(x) == '#';
      }
    }
    return inside;
  }

  private static List<String> points(List<int[]> boundary) {
    return boundary.stream().map(p -> p[0] + "," + p[1]).toList();
  }
}
