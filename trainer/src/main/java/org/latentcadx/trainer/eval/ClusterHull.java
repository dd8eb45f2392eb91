package org.latentcadx.trainer.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The convex hull of a binary mask's pixels, rasterised: the smallest convex region holding them. For
 * a calcification cluster, whose latent truth is a few specks, this is the region a reader would mark.
 */
final class ClusterHull {
  private ClusterHull() {}

  /** The pixels (0/1, row-major {@code size × size}) inside the convex hull of the pixels of {@code mask}. */
  static float[] of(float[] mask, int size) {
    List<long[]> corners = new ArrayList<>();
    for (int p = 0; p < mask.length; p++) {
      if (mask[p] > 0.5f) {
        int x = p % size;
        int y = p / size;
        // The four corners of each pixel square, so that the hull covers whole pixels.
        corners.add(new long[] {x, y});
        corners.add(new long[] {x + 1, y});
        corners.add(new long[] {x, y + 1});
        corners.add(new long[] {x + 1, y + 1});
      }
    }
    float[] hull = new float[mask.length];
    if (corners.isEmpty()) {
      return hull;
    }
    List<long[]> polygon = convexHull(corners);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        if (inside(polygon, x + 0.5, y + 0.5)) {
          hull[y * size + x] = 1f;
        }
      }
    }
    return hull;
  }

  /** Andrew's monotone chain; counter-clockwise, without collinear points. */
  private static List<long[]> convexHull(List<long[]> points) {
    List<long[]> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
    long[][] hull = new long[2 * sorted.size()][];
    int k = 0;
    for (long[] p : sorted) {
      while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) {
        k--;
      }
      hull[k++] = p;
    }
    for (int i = sorted.size() - 2, lower = k + 1; i >= 0; i--) {
      long[] p = sorted.get(i);
      while (k >= lower && cross(hull[k - 2], hull[k - 1], p) <= 0) {
        k--;
      }
      hull[k++] = p;
    }
    return Arrays.asList(hull).subList(0, Math.max(k - 1, 1));
  }

  private static long cross(long[] o, long[] a, long[] b) {
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  }

  /** Whether (x, y) lies inside the counter-clockwise convex polygon (boundary included). */
  private static boolean inside(List<long[]> polygon, double x, double y) {
    int n = polygon.size();
    if (n < 3) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      long[] a = polygon.get(i);
      long[] b = polygon.get((i + 1) % n);
      double side = (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
      if (side < 0) {
        return false;
      }
    }
    return true;
  }
}
