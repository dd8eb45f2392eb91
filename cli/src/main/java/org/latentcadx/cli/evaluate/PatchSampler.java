package org.latentcadx.cli.evaluate;

import java.util.Optional;
import org.latentcadx.sdk.ProbabilityMap;
import org.latentcadx.sdk.metrics.SegmentationSample;

/**
 * Cuts the paper's evaluation patches out of a scored probability map and the ground-truth masks: a
 * {@code patch × patch} window at the map's (downsampled) scale, centred on the centre of mass of the
 * abnormality's outline (shifted inside the map, or the whole map when it is smaller).
 *
 * <p>Masks are brought to the map's scale by area: a map pixel is inside when at least half of the
 * original pixels it covers are. A mask whose size differs from its image's (a few CBIS-DDSM ROI masks)
 * is first resized to it, nearest neighbour. The patch's class score is the highest map probability
 * inside it.
 */
final class PatchSampler {

  /** The paper's patch edge at the downsampled scale. */
  static final int DEFAULT_PATCH = 256;

  private final int patch;

  PatchSampler(int patch) {
    if (patch < 1) {
      throw new IllegalArgumentException("patch size must be at least 1, got " + patch);
    }
    this.patch = patch;
  }

  /**
   * The sample of one abnormality.
   *
   * @param type the lesion-type key
   * @param width original image width
   * @param height original image height
   * @param map the scored probability map
   * @param outline the hand-drawn outline
   * @param latent the true lesion, when known
   * @throws IllegalArgumentException when the map cannot cover the image at an integer factor
   */
  SegmentationSample sample(
      String type,
      int width,
      int height,
      ProbabilityMap map,
      MaskReader.Mask outline,
      Optional<MaskReader.Mask> latent) {
    int factor = factor(width, height, map);
    boolean[] outlineInside = resized(outline, width, height);
    double[] centre = centreOfMass(outlineInside, width);
    int windowWidth = Math.min(patch, map.width());
    int windowHeight = Math.min(patch, map.height());
    int x0 = start(centre[0] / factor, windowWidth, map.width());
    int y0 = start(centre[1] / factor, windowHeight, map.height());

    float[] prediction = new float[windowWidth * windowHeight];
    double classScore = 0;
    for (int y = 0; y < windowHeight; y++) {
      for (int x = 0; x < windowWidth; x++) {
        float p = map.get(x0 + x, y0 + y);
        prediction[y * windowWidth + x] = p;
        classScore = Math.max(classScore, p);
      }
    }
    float[] annotation =
        toMapScale(outlineInside, width, height, factor, x0, y0, windowWidth, windowHeight);
    SegmentationSample sample =
        SegmentationSample.of(type, classScore, windowWidth, windowHeight, prediction, annotation);
    return latent
        .map(
            mask ->
                sample.withTrueLesion(
                    toMapScale(
                        resized(mask, width, height), width, height, factor, x0, y0, windowWidth,
                        windowHeight)))
        .orElse(sample);
  }

  /** The integer factor f with ceil(width / f) = map width and ceil(height / f) = map height. */
  static int factor(int width, int height, ProbabilityMap map) {
    int factor = (width + map.width() - 1) / map.width();
    if (factor < 1
        || (width + factor - 1) / factor != map.width()
        || (height + factor - 1) / factor != map.height()) {
      throw new IllegalArgumentException(
          "a " + map.width() + "x" + map.height() + " probability map does not cover a " + width + "x"
              + height + " image at an integer downsample factor");
    }
    return factor;
  }

  private static boolean[] resized(MaskReader.Mask mask, int width, int height) {
    if (mask.width() == width && mask.height() == height) {
      return mask.inside();
    }
    boolean[] resized = new boolean[width * height];
    for (int y = 0; y < height; y++) {
      int sy = (int) ((long) y * mask.height() / height);
      for (int x = 0; x < width; x++) {
        int sx = (int) ((long) x * mask.width() / width);
        resized[y * width + x] = mask.inside()[sy * mask.width() + sx];
      }
    }
    return resized;
  }

  /** The centre of mass (x, y) in original pixels; the image centre for an empty mask. */
  private static double[] centreOfMass(boolean[] inside, int width) {
    double sumX = 0;
    double sumY = 0;
    long count = 0;
    for (int i = 0; i < inside.length; i++) {
      if (inside[i]) {
        sumX += i % width + 0.5;
        sumY += i / width + 0.5;
        count++;
      }
    }
    int height = inside.length / width;
    return count == 0
        ? new double[] {width / 2.0, height / 2.0}
        : new double[] {sumX / count, sumY / count};
  }

  /** The first map pixel of a window of {@code size} centred at {@code centre}, kept inside the map. */
  private static int start(double centre, int size, int mapSize) {
    int start = (int) Math.round(centre - size / 2.0);
    return Math.max(0, Math.min(mapSize - size, start));
  }

  private static float[] toMapScale(
      boolean[] inside,
      int width,
      int height,
      int factor,
      int x0,
      int y0,
      int windowWidth,
      int windowHeight) {
    float[] out = new float[windowWidth * windowHeight];
    for (int wy = 0; wy < windowHeight; wy++) {
      int top = (y0 + wy) * factor;
      int bottom = Math.min(height, top + factor);
      for (int wx = 0; wx < windowWidth; wx++) {
        int left = (x0 + wx) * factor;
        int right = Math.min(width, left + factor);
        int covered = 0;
        for (int y = top; y < bottom; y++) {
          for (int x = left; x < right; x++) {
            covered += inside[y * width + x] ? 1 : 0;
          }
        }
        int area = (bottom - top) * (right - left);
        out[wy * windowWidth + wx] = 2 * covered >= area ? 1f : 0f;
      }
    }
    return out;
  }
}
