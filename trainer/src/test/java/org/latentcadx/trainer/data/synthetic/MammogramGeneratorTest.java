package org.latentcadx.trainer.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentcadx.trainer.data.LesionType;
import org.latentcadx.trainer.data.Side;
import org.latentcadx.trainer.data.View;

class MammogramGeneratorTest {

  private static final GeneratorOptions SMALL = GeneratorOptions.defaults().withSize(320, 480);

  @Test
  void outlinesContainTheirLesionUnlessDesignedToCutIn() {
    MammogramGenerator generator = new MammogramGenerator(SMALL.withCutShare(0.25));
    int cut = 0;
    int cutAndMissing = 0;
    int lesions = 0;
    for (int seed = 0; seed < 24; seed++) {
      SyntheticMammogram m =
          generator.generate(
              seed % 2 == 0 ? Side.LEFT : Side.RIGHT, seed % 3 == 0 ? View.MLO : View.CC, 1 + seed % 4,
              List.of(seed % 2 == 0 ? LesionType.MASS : LesionType.CALCIFICATION), seed);
      for (SyntheticMammogram.RenderedLesion lesion : m.lesions()) {
        lesions++;
        int outside = outside(lesion.latentMask(), lesion.outlineMask());
        assertThat(count(lesion.latentMask())).isPositive();
        if (lesion.outlineCutsIn()) {
          cut++;
          cutAndMissing += outside > 0 ? 1 : 0;
        } else {
          assertThat(outside).as("latent pixels outside the outline, seed " + seed).isZero();
        }
      }
    }
    assertThat(lesions).isEqualTo(24);
    assertThat(cut).isBetween(2, 14);
    assertThat(cutAndMissing).isEqualTo(cut);
  }

  @Test
  void fullFieldImagesAreTheDownsampledOnesAtFourTimesTheResolution() {
    List<LesionType> lesions = List.of(LesionType.CALCIFICATION, LesionType.MASS);
    SyntheticMammogram small =
        new MammogramGenerator(SMALL.withCutShare(0)).generate(Side.RIGHT, View.MLO, 2, lesions, 5);
    SyntheticMammogram full =
        new MammogramGenerator(SMALL.withScale(4).withCutShare(0)).generate(Side.RIGHT, View.MLO, 2, lesions, 5);

    assertThat(full.width()).isEqualTo(4 * small.width());
    assertThat(full.height()).isEqualTo(4 * small.height());
    double sumAbs = 0;
    for (int y = 0; y < small.height(); y++) {
      for (int x = 0; x < small.width(); x++) {
        double block = 0;
        for (int v = 0; v < 4; v++) {
          for (int u = 0; u < 4; u++) {
            block += Short.toUnsignedInt(full.pixels()[(4 * y + v) * full.width() + 4 * x + u]);
          }
        }
        sumAbs += Math.abs(block / 16 - Short.toUnsignedInt(small.pixels()[y * small.width() + x]));
      }
    }
    assertThat(sumAbs / small.pixels().length / 65535).isLessThan(0.006);
    for (int k = 0; k < lesions.size(); k++) {
      SyntheticMammogram.RenderedLesion lesion = full.lesions().get(k);
      assertThat(outside(lesion.latentMask(), lesion.outlineMask())).isZero();
      assertThat(count(lesion.outlineMask()) / 16.0)
          .isCloseTo(count(small.lesions().get(k).outlineMask()), org.assertj.core.data.Percentage.withPercentage(5));
    }
  }

  @Test
  void breastIsBrighterThanAirAndChestWallFollowsTheSide() {
    SyntheticMammogram left =
        new MammogramGenerator(SMALL).generate(Side.LEFT, View.CC, 2, List.of(), 9);

    double chestWall = columnMean(left, 5);
    double farEdge = columnMean(left, left.width() - 5);
    assertThat(chestWall).isGreaterThan(0.25 * 65535);
    assertThat(farEdge).isLessThan(0.06 * 65535);
  }

  private static double columnMean(SyntheticMammogram m, int x) {
    double sum = 0;
    for (int y = 0; y < m.height(); y++) {
      sum += Short.toUnsignedInt(m.pixels()[y * m.width() + x]);
    }
    return sum / m.height();
  }

  private static int outside(byte[] latent, byte[] outline) {
    int n = 0;
    for (int i = 0; i < latent.length; i++) {
      n += latent[i] != 0 && outline[i] == 0 ? 1 : 0;
    }
    return n;
  }

  private static int count(byte[] mask) {
    int n = 0;
    for (byte b : mask) {
      n += b != 0 ? 1 : 0;
    }
    return n;
  }
}
