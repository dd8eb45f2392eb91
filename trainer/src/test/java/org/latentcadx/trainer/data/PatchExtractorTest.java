package org.latentcadx.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PatchExtractorTest {

  private static final int TILE = 64;
  private static final int CONTEXT = 80;
  private static final PatchRecord LESION =
      new PatchRecord(2, LesionType.MASS, Pathology.BENIGN, "P_1", "img.png", 0, 0, false);

  private final PatchExtractor extractor = new PatchExtractor(TILE, CONTEXT, TILE, 0.5);

  @Test
  void centresThePatchOnTheRoiCentreOfMass() {
    ModelScaleGrid image = new ModelScaleGrid(200, 150, new float[200 * 150]);
    ModelScaleGrid outline = new ModelScaleGrid(200, 150, new float[200 * 150]);
    // an L-shaped ROI whose centre of mass is not its bounding-box centre
    for (int y = 40; y < 70; y++) {
      for (int x = 120; x < 160; x++) {
        if (x < 130 || y >= 60) {
          outline.data()[y * 200 + x] = 1;
          image.data()[y * 200 + x] = 0.7f;
        }
      }
    }

    Patch patch = extractor.positive(image, outline, outline, LESION, 0, 0);

    assertThat(patch.record().fold()).isEqualTo(2);
    assertThat(patch.record().latentKnown()).isTrue();
    double[] com = centreOfMass(patch.outline(), CONTEXT);
    assertThat(com[0]).isCloseTo(CONTEXT / 2.0, org.assertj.core.data.Offset.offset(0.5));
    assertThat(com[1]).isCloseTo(CONTEXT / 2.0, org.assertj.core.data.Offset.offset(0.5));
    assertThat(patch.record().centreX()).isEqualTo((int) Math.round(comOfImage(outline)[0]));
    for (int i = 0; i < patch.image().length; i++) {
      assertThat(patch.image()[i] > 0).isEqualTo(patch.outline()[i] == 1);
    }
  }

  @Test
  void aHardNegativeIsANormalWindowCentredWhereAsked() {
    ModelScaleGrid image = new ModelScaleGrid(200, 150, new float[200 * 150]);
    image.data()[60 * 200 + 110] = 0.9f;

    Patch patch = extractor.negativeAt(image, LESION.withFold(3), 110, 60);

    assertThat(patch.record().type()).isEqualTo(LesionType.NORMAL);
    assertThat(patch.record().pathology()).isEqualTo(Pathology.NONE);
    assertThat(patch.record().fold()).isEqualTo(3);
    assertThat(patch.record().latentKnown()).isFalse();
    assertThat(patch.record().centreX()).isEqualTo(110);
    assertThat(patch.image()[(CONTEXT / 2) * CONTEXT + CONTEXT / 2]).isEqualTo(0.9f);
    assertThat(patch.outline()).containsOnly((byte) 0);
  }

  @Test
  void aWindowTouchesAnOutlineWhenAnyOfItsPixelsIsCovered() {
    ModelScaleGrid outline = new ModelScaleGrid(200, 150, new float[200 * 150]);
    outline.data()[20 * 200 + 30] = 0.25f;

    // the window centred at (cx, cy) spans cx - CONTEXT / 2 … cx + CONTEXT / 2 - 1
    assertThat(extractor.windowTouches(outline, 30 + CONTEXT / 2 + 1, 20)).isFalse();
    assertThat(extractor.windowTouches(outline, 30 + CONTEXT / 2, 20)).isTrue();
    assertThat(extractor.windowTouches(outline, 30, 20 - CONTEXT / 2 + 1)).isTrue();
    assertThat(extractor.windowTouches(outline, 30, 20 - CONTEXT / 2)).isFalse();
    assertThat(extractor.windowTouches(outline, 150, 100)).isFalse();
  }

  @Test
  void anOffsetMovesTheLesionAwayFromTheWindowCentre() {
    ModelScaleGrid image = new ModelScaleGrid(200, 150, new float[200 * 150]);
    ModelScaleGrid outline = new ModelScaleGrid(200, 150, new float[200 * 150]);
    for (int y = 70; y < 80; y++) {
      for (int x = 95; x < 105; x++) {
        outline.data()[y * 200 + x] = 1;
      }
    }

    Patch patch = extractor.positive(image, outline, outline, LESION, 12, -7);

    double[] com = centreOfMass(patch.outline(), CONTEXT);
    assertThat(com[0]).isCloseTo(CONTEXT / 2.0 - 12, org.assertj.core.data.Offset.offset(0.5));
    assertThat(com[1]).isCloseTo(CONTEXT / 2.0 + 7, org.assertj.core.data.Offset.offset(0.5));
    assertThat(patch.record().centreX()).isEqualTo(100 + 12);
    assertThat(patch.record().centreY()).isEqualTo(75 - 7);
  }

  @Test
  void slidingWindowSkipsMostlyAirTilesAndCoversTheEdge() {
    int w = 200;
    int h = 150;
    ModelScaleGrid image = new ModelScaleGrid(w, h, new float[w * h]);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < 90; x++) {
        image.data()[y * w + x] = 0.5f;
      }
    }
    PatchRecord normal = new PatchRecord(0, LesionType.NORMAL, Pathology.NONE, "P_2", "n.png", 0, 0, false);

    List<Patch> patches = extractor.negatives(image, normal);

    assertThat(extractor.starts(200)).containsExactly(0, 64, 128, 136);
    // columns 0 and 64 (tile 64..127 is 26/64 tissue: mostly air) → only column 0 survives, rows 0, 64, 86
    assertThat(patches).extracting(p -> p.record().centreX()).containsOnly(32);
    assertThat(patches).extracting(p -> p.record().centreY()).containsExactly(32, 96, 118);
    assertThat(patches).allSatisfy(p -> assertThat(p.record().type()).isEqualTo(LesionType.NORMAL));
  }

  private static double[] centreOfMass(byte[] mask, int size) {
    double sum = 0;
    double sx = 0;
    double sy = 0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        if (mask[y * size + x] != 0) {
          sum++;
          sx += x + 0.5;
          sy += y + 0.5;
        }
      }
    }
    return new double[] {sx / sum, sy / sum};
  }

  private static double[] comOfImage(ModelScaleGrid grid) {
    double sum = 0;
    double sx = 0;
    double sy = 0;
    for (int y = 0; y < grid.height(); y++) {
      for (int x = 0; x < grid.width(); x++) {
        float v = grid.data()[y * grid.width() + x];
        sum += v;
        sx += v * (x + 0.5);
        sy += v * (y + 0.5);
      }
    }
    return new double[] {sx / sum, sy / sum};
  }
}
