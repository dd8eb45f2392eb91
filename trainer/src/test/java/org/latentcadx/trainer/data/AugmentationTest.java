package org.latentcadx.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmentationTest {

  private static final int CONTEXT = 96;
  private static final int TILE = 64;

  @Test
  void rotatesCounterClockwiseAsDisplayedAndShiftsTheCrop() {
    // a 2×2 block centred 20 px right of the context centre (47.5, 47.5)
    float[] source = new float[CONTEXT * CONTEXT];
    for (int y = 47; y <= 48; y++) {
      for (int x = 67; x <= 68; x++) {
        source[y * CONTEXT + x] = 1f;
      }
    }
    float[] target = new float[TILE * TILE];

    new Augmentation.Transform(CONTEXT, TILE, Math.toRadians(90), 0, 0).resampleImage(source, target, 0);
    // counter-clockwise by 90° on screen: "right of centre" becomes "above centre" (tile centre 31.5)
    assertThat(blockAt(target, 31, 11)).isTrue();

    new Augmentation.Transform(CONTEXT, TILE, 0, 5, -3).resampleImage(source, target, 0);
    // the crop moves by (5, -3), so the content moves by (-5, +3): x 67-16-5 = 46, y 47-16+3 = 34
    assertThat(blockAt(target, 46, 34)).isTrue();
  }

  private static boolean blockAt(float[] tile, int x, int y) {
    double sum = 0;
    for (float v : tile) {
      sum += v;
    }
    return Math.abs(tile[y * TILE + x] - 1) < 1e-4
        && Math.abs(tile[(y + 1) * TILE + x + 1] - 1) < 1e-4
        && Math.abs(sum - 4) < 1e-3;
  }

  @Test
  void appliesTheSameGeometryToImageAndMasks() {
    // an asymmetric L-shaped lesion drawn identically in the image and both masks
    float[] image = new float[CONTEXT * CONTEXT];
    byte[] outline = new byte[CONTEXT * CONTEXT];
    byte[] latent = new byte[CONTEXT * CONTEXT];
    for (int y = 30; y < 70; y++) {
      for (int x = 35; x < 60; x++) {
        boolean inL = x < 42 || y > 62;
        image[y * CONTEXT + x] = inL ? 1f : 0f;
        outline[y * CONTEXT + x] = (byte) (inL ? 1 : 0);
        latent[y * CONTEXT + x] = (byte) (inL ? 1 : 0);
      }
    }
    Patch patch =
        new Patch(
            new PatchRecord(0, LesionType.MASS, Pathology.BENIGN, "P", "s", 0, 0, true),
            CONTEXT, image, outline, latent);
    Augmentation augmentation = new Augmentation(15, 16, 0);
    Random random = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      float[] img = new float[TILE * TILE];
      float[] out = new float[TILE * TILE];
      float[] lat = new float[TILE * TILE];

      augmentation.apply(patch, TILE, random, img, out, lat, 0);

      int lesionPixels = 0;
      for (int p = 0; p < img.length; p++) {
        float thresholded = img[p] >= 0.5f ? 1f : 0f;
        assertThat(out[p]).isEqualTo(thresholded);
        assertThat(lat[p]).isEqualTo(thresholded);
        lesionPixels += (int) out[p];
      }
      assertThat(lesionPixels).isGreaterThan(150);
    }
  }

  @Test
  void dihedralTilesAreStoredPixelsInOneOfEightOrientations() {
    Random values = new Random(3);
    float[] image = new float[CONTEXT * CONTEXT];
    for (int p = 0; p < image.length; p++) {
      image[p] = values.nextFloat();
    }
    Patch patch = normalPatch(image);
    java.util.Set<String> orientations = new java.util.HashSet<>();
    Random random = new Random(5);
    for (int trial = 0; trial < 64; trial++) {
      float[] img = new float[TILE * TILE];
      new Augmentation(0, 16, 0, true)
          .apply(patch, TILE, random, img, new float[TILE * TILE], new float[TILE * TILE], 0);
      // The tile's corner (0, 0), its neighbour (1, 0) and (0, 1) are stored pixels one apart; their
      // directions tell the orientation.
      int[] corner = find(image, img[0]);
      int[] right = find(image, img[1]);
      int[] down = find(image, img[TILE]);
      for (int v = 0; v < TILE; v++) {
        for (int u = 0; u < TILE; u++) {
          int x = corner[0] + u * (right[0] - corner[0]) + v * (down[0] - corner[0]);
          int y = corner[1] + u * (right[1] - corner[1]) + v * (down[1] - corner[1]);
          assertThat(img[v * TILE + u]).isEqualTo(image[y * CONTEXT + x]);
        }
      }
      orientations.add((right[0] - corner[0]) + "," + (right[1] - corner[1]) + "," + (down[0] - corner[0]) + ","
          + (down[1] - corner[1]));
    }
    assertThat(orientations).hasSize(8);
  }

  private static int[] find(float[] image, float value) {
    for (int p = 0; p < image.length; p++) {
      if (image[p] == value) {
        return new int[] {p % CONTEXT, p / CONTEXT};
      }
    }
    throw new AssertionError("not a stored pixel: " + value);
  }

  @Test
  void aContinuousRotationSmoothsPixelTextureAndTheDihedralOneDoesNot() {
    Random values = new Random(11);
    float[] image = new float[CONTEXT * CONTEXT];
    for (int p = 0; p < image.length; p++) {
      image[p] = 0.5f + 0.1f * (float) values.nextGaussian();
    }
    Patch patch = normalPatch(image);
    Random random = new Random(2);
    double paper = 0;
    double dihedral = 0;
    for (int trial = 0; trial < 20; trial++) {
      paper += neighbourDifferenceVariance(apply(new Augmentation(15, 16, 0), patch, random));
      dihedral += neighbourDifferenceVariance(apply(new Augmentation(0, 16, 0, true), patch, random));
    }
    double stored = neighbourDifferenceVariance(apply(Augmentation.none(), patch, random));
    assertThat(dihedral / 20).isCloseTo(stored, org.assertj.core.data.Percentage.withPercentage(5));
    assertThat(paper / 20).isLessThan(0.8 * stored);
  }

  private static float[] apply(Augmentation augmentation, Patch patch, Random random) {
    float[] img = new float[TILE * TILE];
    augmentation.apply(patch, TILE, random, img, new float[TILE * TILE], new float[TILE * TILE], 0);
    return img;
  }

  private static double neighbourDifferenceVariance(float[] tile) {
    double sum = 0;
    int n = 0;
    for (int v = 0; v < TILE; v++) {
      for (int u = 0; u + 1 < TILE; u++) {
        double d = tile[v * TILE + u + 1] - tile[v * TILE + u];
        sum += d * d;
        n++;
      }
    }
    return sum / n;
  }

  private static Patch normalPatch(float[] image) {
    byte[] mask = new byte[CONTEXT * CONTEXT];
    return new Patch(
        new PatchRecord(0, LesionType.NORMAL, Pathology.NONE, "P", "s", 0, 0, false),
        CONTEXT, image, mask, mask.clone());
  }

  @Test
  void theDihedralModeRefusesARotationRange() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Augmentation(15, 16, 0, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Augmentation.named("dihedral")).isEqualTo(Augmentation.dihedral());
    assertThat(Augmentation.dihedral().withNoise(0.01)).isEqualTo(new Augmentation(0, 16, 0.01, true));
    assertThat(Augmentation.dihedral().describe())
        .isEqualTo("quarter turns and mirror images, shift ±16 px, noise σ 0.0");
  }

  @Test
  void noiseStaysInTheUnitRangeAndSparesMasks() {
    float[] image = new float[CONTEXT * CONTEXT];
    java.util.Arrays.fill(image, 0.999f);
    byte[] mask = new byte[CONTEXT * CONTEXT];
    Patch patch =
        new Patch(
            new PatchRecord(0, LesionType.NORMAL, Pathology.NONE, "P", "s", 0, 0, false),
            CONTEXT, image, mask, mask.clone());
    float[] img = new float[TILE * TILE];
    float[] out = new float[TILE * TILE];

    new Augmentation(0, 0, 0.05).apply(patch, TILE, new Random(1), img, out, new float[TILE * TILE], 0);

    for (float v : img) {
      assertThat(v).isBetween(0f, 1f);
    }
    assertThat(out).containsOnly(0f);
    long changed = 0;
    for (float v : img) {
      changed += v != 0.999f ? 1 : 0;
    }
    assertThat(changed).isGreaterThan(TILE * TILE / 2);
  }
}
