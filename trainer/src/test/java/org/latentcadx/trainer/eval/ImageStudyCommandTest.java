package org.latentcadx.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageStudyCommandTest {

  private static boolean[] outline(int width, int height, int... xy) {
    boolean[] inside = new boolean[width * height];
    for (int k = 0; k < xy.length; k += 2) {
      inside[xy[k + 1] * width + xy[k]] = true;
    }
    return inside;
  }

  @Test
  void peakDistanceIsZeroInsideAnOutlineAndEuclideanToTheNearestOutlinePixelOutside() {
    int width = 10;
    List<boolean[]> outlines = List.of(outline(width, 8, 3, 4, 4, 4), outline(width, 8, 9, 7));
    assertThat(ImageStudyCommand.distanceToNearestOutline(outlines, width, 4 * width + 4)).isZero();
    assertThat(ImageStudyCommand.distanceToNearestOutline(outlines, width, 0)).isEqualTo(5.0); // (0,0)→(3,4)
    assertThat(ImageStudyCommand.distanceToNearestOutline(outlines, width, 7 * width + 6)).isEqualTo(3.0);
  }
}
