package org.latentcadx.trainer.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts context windows out of model-scale images: one per lesion, centred at a given offset from the
 * centre of mass of its ROI mask, and sliding-window tiles of normal images that are not mostly air.
 */
final class PatchExtractor {

  /** Air is darker than this share of the image's 99.5th-percentile grey level. */
  static final double AIR_LEVEL = 0.1;

  private final int tileSize;
  private final int contextSize;
  private final int stride;
  private final double maxAirFraction;

  PatchExtractor(int tileSize, int contextSize, int stride, double maxAirFraction) {
    if (stride < 1 || !(maxAirFraction >= 0 && maxAirFraction <= 1)) {
      throw new IllegalArgumentException(
          "stride " + stride + " must be ≥ 1 and max air fraction " + maxAirFraction + " in [0, 1]");
    }
    this.tileSize = tileSize;
    this.contextSize = contextSize;
    this.stride = stride;
    this.maxAirFraction = maxAirFraction;
  }

  /**
   * The patch of one lesion.
   *
   * @param image model-scale image in [0, 1]
   * @param outline model-scale coverage of the ROI mask (0…1 per pixel)
   * @param latent model-scale coverage of the latent mask, or null when unknown
   * @param record metadata; its centre is replaced by the window's centre
   * @param dx the window's centre lies this many pixels right of the outline's centre of mass
   * @param dy the window's centre lies this many pixels below the outline's centre of mass
   */
  Patch positive(ModelScaleGrid image, ModelScaleGrid outline, ModelScaleGrid latent, PatchRecord record, int dx, int dy) {
    double sum = 0;
    double sx = 0;
    double sy = 0;
    float[] m = outline.data();
    for (int y = 0; y < outline.height(); y++) {
      for (int x = 0; x < outline.width(); x++) {
        double w = m[y * outline.width() + x];
        sum += w;
        sx += w * (x + 0.5);
        sy += w * (y + 0.5);
      }
    }
    if (sum == 0) {
      throw new IllegalArgumentException(record.sourceImage() + ": ROI mask is empty at the model scale");
    }
    int cx = (int) Math.round(sx / sum) + dx;
    int cy = (int) Math.round(sy / sum) + dy;
    PatchRecord centred =
        new PatchRecord(
            record.fold(), record.type(), record.pathology(), record.patientId(), record.sourceImage(), cx, cy,
            latent != null);
    byte[] latentWindow = latent == null ? new byte[contextSize * contextSize] : binaryWindow(latent, cx, cy);
    return new Patch(centred, contextSize, window(image, cx, cy), binaryWindow(outline, cx, cy), latentWindow);
  }

  /** Sliding-window patches of a normal image, skipping tiles that are more than the allowed share air. */
  List<Patch> negatives(ModelScaleGrid image, PatchRecord template) {
    float air = (float) (AIR_LEVEL * percentile(image.data(), 0.995));
    List<Patch> patches = new ArrayList<>();
    for (int y : starts(image.height())) {
      for (int x : starts(image.width())) {
        if (airFraction(image, x, y, air) > maxAirFraction) {
          continue;
        }
        patches.add(negativeAt(image, template, x + tileSize / 2, y + tileSize / 2));
      }
    }
    return patches;
  }

  /** The normal patch of {@code template}'s image whose window is centred at {@code (cx, cy)}. */
  Patch negativeAt(ModelScaleGrid image, PatchRecord template, int cx, int cy) {
    PatchRecord record =
        new PatchRecord(
            template.fold(), LesionType.NORMAL, Pathology.NONE, template.patientId(), template.sourceImage(),
            cx, cy, false);
    byte[] empty = new byte[contextSize * contextSize];
    return new Patch(record, contextSize, window(image, cx, cy), empty, empty.clone());
  }

  /** Whether the context window centred at {@code (cx, cy)} holds any pixel of {@code coverage}. */
  boolean windowTouches(ModelScaleGrid coverage, int cx, int cy) {
    for (float value : window(coverage, cx, cy)) {
      if (value > 0) {
        return true;
      }
    }
    return false;
  }

  /** Tile starts 0, stride, 2·stride … while a tile fits, plus a last one flush with the far edge. */
  int[] starts(int length) {
    if (length <= tileSize) {
      return new int[] {0};
    }
    List<Integer> starts = new ArrayList<>();
    for (int s = 0; s + tileSize <= length; s += stride) {
      starts.add(s);
    }
    if (starts.get(starts.size() - 1) + tileSize < length) {
      starts.add(length - tileSize);
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private double airFraction(ModelScaleGrid image, int x0, int y0, float air) {
    int count = 0;
    int total = 0;
    for (int y = y0; y < y0 + tileSize; y++) {
      for (int x = x0; x < x0 + tileSize; x++) {
        boolean inside = x < image.width() && y < image.height();
        count += !inside || image.data()[y * image.width() + x] < air ? 1 : 0;
        total++;
      }
    }
    return count / (double) total;
  }

  private static double percentile(float[] values, double q) {
    int step = Math.max(1, values.length / 100_000);
    float[] sample = new float[(values.length + step - 1) / step];
    for (int i = 0, k = 0; i < values.length; i += step, k++) {
      sample[k] = values[i];
    }
    Arrays.sort(sample);
    return sample[(int) Math.min(sample.length - 1, Math.floor(q * sample.length))];
  }

  /** The context window whose centre pixel boundary is at {@code (cx, cy)}; zeros outside the image. */
  private float[] window(ModelScaleGrid grid, int cx, int cy) {
    float[] out = new float[contextSize * contextSize];
    int x0 = cx - contextSize / 2;
    int y0 = cy - contextSize / 2;
    for (int v = 0; v < contextSize; v++) {
      int y = y0 + v;
      if (y < 0 || y >= grid.height()) {
        continue;
      }
      for (int u = 0; u < contextSize; u++) {
        int x = x0 + u;
        if (x >= 0 && x < grid.width()) {
          out[v * contextSize + u] = grid.data()[y * grid.width() + x];
        }
      }
    }
    return out;
  }

  /** The window of a coverage grid, thresholded at one half. */
  private byte[] binaryWindow(ModelScaleGrid coverage, int cx, int cy) {
    float[] values = window(coverage, cx, cy);
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] >= 0.5f ? (byte) 1 : 0;
    }
    return out;
  }
}
