package org.latentcadx.sdk;

import java.util.List;
import java.util.Objects;
import org.latentcadx.sdk.internal.postprocess.LesionExtractor;

/**
 * A per-pixel lesion probability map, row-major, values in [0, 1].
 *
 * <p>A detector returns the map at the model's downsampled scale: map pixel {@code (x, y)} covers the
 * original pixels {@code [x·f, (x+1)·f) × [y·f, (y+1)·f)} where {@code f} is {@link
 * #downsampleFactor()}, so the map is {@code ceil(W/f) × ceil(H/f)} for a {@code W × H} image. {@link
 * #toOriginalSize(UpsampleMethod)} gives the map at the image's own size. Immutable.
 */
public final class ProbabilityMap {

  /** How a map is enlarged to the original image size. */
  public enum UpsampleMethod {
    /** Each original pixel takes the value of the map pixel that covers it (blocky, exact values). */
    NEAREST,
    /**
     * Bilinear interpolation between map pixel centres: original pixel {@code X} samples map
     * coordinate {@code (X + 0.5)/f − 0.5}, clamped to the map; smooth, values stay in [0, 1].
     */
    BILINEAR
  }

  private final int width;
  private final int height;
  private final int downsampleFactor;
  private final int originalWidth;
  private final int originalHeight;
  private final float[] values;
  // Column samplings of copyOriginalRow, computed on first use (a benign race: equal values).
  private volatile Sampling bilinearColumns;
  private volatile Sampling nearestColumns;

  /**
   * A map of {@code width × height} values covering an {@code originalWidth × originalHeight} image
   * at integer scale {@code downsampleFactor}.
   *
   * @throws IllegalArgumentException if the sizes are inconsistent
   */
  public ProbabilityMap(
      int width,
      int height,
      int downsampleFactor,
      int originalWidth,
      int originalHeight,
      float[] values) {
    this(width, height, downsampleFactor, originalWidth, originalHeight, values, true);
  }

  private ProbabilityMap(
      int width, int height, int downsampleFactor, int originalWidth, int originalHeight, float[] values,
      boolean copy) {
    Objects.requireNonNull(values, "values");
    if (width < 1 || height < 1 || downsampleFactor < 1 || (long) width * height != values.length) {
      throw new IllegalArgumentException(
          "map " + width + "x" + height + " with factor " + downsampleFactor + " cannot hold "
              + values.length + " values");
    }
    if (ceilDiv(originalWidth, downsampleFactor) != width
        || ceilDiv(originalHeight, downsampleFactor) != height) {
      throw new IllegalArgumentException(
          "map " + width + "x" + height + " at factor " + downsampleFactor + " does not cover a "
              + originalWidth + "x" + originalHeight + " image");
    }
    this.width = width;
    this.height = height;
    this.downsampleFactor = downsampleFactor;
    this.originalWidth = originalWidth;
    this.originalHeight = originalHeight;
    this.values = copy ? values.clone() : values;
  }

  /** A map that takes ownership of {@code values} (no copy), for maps the SDK has just computed. */
  static ProbabilityMap owning(
      int width, int height, int downsampleFactor, int originalWidth, int originalHeight, float[] values) {
    return new ProbabilityMap(width, height, downsampleFactor, originalWidth, originalHeight, values, false);
  }

  private static int ceilDiv(int a, int b) {
    return a <= 0 ? -1 : (a + b - 1) / b;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Original pixels per map pixel along each axis (1 for a map at the original size). */
  public int downsampleFactor() {
    return downsampleFactor;
  }

  public int originalWidth() {
    return originalWidth;
  }

  public int originalHeight() {
    return originalHeight;
  }

  /** The probability at map column {@code x}, row {@code y}. */
  public float get(int x, int y) {
    Objects.checkIndex(x, width);
    Objects.checkIndex(y, height);
    return values[y * width + x];
  }

  /**
   * The lesions of this map at {@code threshold}: the 8-connected regions of pixels at or above it,
   * highest peak first (ties: the region whose first pixel comes first in row-major order). A detector
   * reports them at its lesion threshold; this gives them at any other, e.g. to trace a FROC curve.
   *
   * @throws IllegalArgumentException if the threshold is outside (0, 1] (see {@link #checkThreshold})
   */
  public List<Lesion> lesions(double threshold) {
    checkThreshold(threshold);
    return LesionExtractor.extract(this, values, (float) threshold);
  }

  /**
   * The one rule for lesion thresholds everywhere in the SDK: a map pixel belongs to a lesion when its
   * probability is at or above the threshold, so the threshold must lie in (0, 1] (at 0 every pixel
   * would be a lesion).
   *
   * @return the threshold
   * @throws IllegalArgumentException otherwise
   */
  public static double checkThreshold(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("lesion threshold must be in (0, 1], got " + threshold);
    }
    return threshold;
  }

  /** A copy of the values, row-major. */
  public float[] values() {
    return values.clone();
  }

  /** This map enlarged to the original image size (factor 1); this map itself if already there. */
  public ProbabilityMap toOriginalSize(UpsampleMethod method) {
    Objects.requireNonNull(method, "method");
    if (downsampleFactor == 1) {
      return this;
    }
    float[] out = new float[Math.multiplyExact(originalWidth, originalHeight)];
    Sampling columns = columns(method);
    for (int y = 0; y < originalHeight; y++) {
      fillOriginalRow(y, method, columns, out, y * originalWidth);
    }
    return new ProbabilityMap(originalWidth, originalHeight, 1, originalWidth, originalHeight, out, false);
  }

  /**
   * Copies row {@code y} of this map enlarged to the original image size ({@code originalWidth} values,
   * as {@link #toOriginalSize} gives them) into {@code destination}: for working row by row on a large
   * image without holding the enlarged map.
   */
  public void copyOriginalRow(int y, UpsampleMethod method, float[] destination) {
    Objects.requireNonNull(method, "method");
    Objects.checkIndex(y, originalHeight);
    Objects.checkFromIndexSize(0, originalWidth, destination.length);
    fillOriginalRow(y, method, columns(method), destination, 0);
  }

  /** For each original column: the lower map column and the weight of the next one. */
  private record Sampling(int[] lower, float[] fraction) {}

  /** The column sampling of {@code method}, computed once per map and method. */
  private Sampling columns(UpsampleMethod method) {
    Sampling cached = method == UpsampleMethod.BILINEAR ? bilinearColumns : nearestColumns;
    if (cached == null) {
      cached = new Sampling(new int[originalWidth], new float[originalWidth]);
      for (int x = 0; x < originalWidth; x++) {
        double position = mapPosition(method, x, width);
        cached.lower()[x] = (int) Math.floor(position);
        cached.fraction()[x] = (float) (position - cached.lower()[x]);
      }
      if (method == UpsampleMethod.BILINEAR) {
        bilinearColumns = cached;
      } else {
        nearestColumns = cached;
      }
    }
    return cached;
  }

  private void fillOriginalRow(
      int y, UpsampleMethod method, Sampling columns, float[] destination, int offset) {
    double position = mapPosition(method, y, height);
    int row = (int) Math.floor(position);
    float fy = (float) (position - row);
    int top = row * width;
    int bottom = Math.min(row + 1, height - 1) * width;
    int[] x0 = columns.lower();
    float[] xFraction = columns.fraction();
    for (int x = 0; x < originalWidth; x++) {
      int left = x0[x];
      int right = Math.min(left + 1, width - 1);
      float fx = xFraction[x];
      float upper = values[top + left] * (1 - fx) + values[top + right] * fx;
      float lower = values[bottom + left] * (1 - fx) + values[bottom + right] * fx;
      destination[offset + x] = upper * (1 - fy) + lower * fy;
    }
  }

  /**
   * Where original index {@code i} falls on a map axis of {@code mapSize}: a whole map index for {@link
   * UpsampleMethod#NEAREST}, else the pixel centre's position, clamped to the map.
   */
  private double mapPosition(UpsampleMethod method, int i, int mapSize) {
    if (method == UpsampleMethod.NEAREST) {
      return Math.min(i / downsampleFactor, mapSize - 1);
    }
    double position = (i + 0.5) / downsampleFactor - 0.5;
    return Math.max(0, Math.min(position, mapSize - 1));
  }
}
