package org.latentcadx.sdk.internal.postprocess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.latentcadx.sdk.BoundingBox;
import org.latentcadx.sdk.Lesion;
import org.latentcadx.sdk.ProbabilityMap;

/**
 * Finds lesions as the 8-connected components of the map pixels whose probability is at or above a
 * threshold. Lesions are ordered by peak probability, highest first (ties: top-most, then left-most).
 */
public final class LesionExtractor {

  private static final int[] NEIGHBOUR_DX = {-1, 0, 1, -1, 1, -1, 0, 1};
  private static final int[] NEIGHBOUR_DY = {-1, -1, -1, 0, 0, 1, 1, 1};

  private LesionExtractor() {}

  /** The lesions of {@code map} at {@code threshold}. */
  public static List<Lesion> extract(ProbabilityMap map, float threshold) {
    int width = map.width();
    int height = map.height();
    float[] values = map.values();
    boolean[] visited = new boolean[values.length];
    int[] stack = new int[values.length];
    List<Lesion> lesions = new ArrayList<>();
    for (int start = 0; start < values.length; start++) {
      if (visited[start] || !(values[start] >= threshold)) {
        continue;
      }
      Component component = new Component(start % width, start / width);
      int top = 0;
      stack[top++] = start;
      visited[start] = true;
      while (top > 0) {
        int index = stack[--top];
        int x = index % width;
        int y = index / width;
        component.add(x, y, values[index]);
        for (int n = 0; n < NEIGHBOUR_DX.length; n++) {
          int nx = x + NEIGHBOUR_DX[n];
          int ny = y + NEIGHBOUR_DY[n];
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
            continue;
          }
          int neighbour = ny * width + nx;
          if (!visited[neighbour] && values[neighbour] >= threshold) {
            visited[neighbour] = true;
            stack[top++] = neighbour;
          }
        }
      }
      lesions.add(component.toLesion(map));
    }
    // Components are found in row-major order of their first pixel, so a stable sort keeps ties so.
    lesions.sort(Comparator.comparing(Lesion::peakProbability).reversed());
    return lesions;
  }

  /** Running statistics of one component. */
  private static final class Component {
    private int minX;
    private int minY;
    private int maxX;
    private int maxY;
    private int area;
    private float peak = Float.NEGATIVE_INFINITY;
    private double sum;

    Component(int x, int y) {
      minX = maxX = x;
      minY = maxY = y;
    }

    void add(int x, int y, float value) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      area++;
      peak = Math.max(peak, value);
      sum += value;
    }

    Lesion toLesion(ProbabilityMap map) {
      BoundingBox mapBox = new BoundingBox(minX, minY, maxX - minX + 1, maxY - minY + 1);
      int f = map.downsampleFactor();
      int imageX = minX * f;
      int imageY = minY * f;
      BoundingBox imageBox =
          new BoundingBox(
              imageX,
              imageY,
              Math.min((maxX + 1) * f, map.originalWidth()) - imageX,
              Math.min((maxY + 1) * f, map.originalHeight()) - imageY);
      return new Lesion(mapBox, imageBox, area, peak, (float) (sum / area));
    }
  }
}
