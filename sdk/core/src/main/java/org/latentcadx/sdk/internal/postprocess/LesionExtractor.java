package org.latentcadx.sdk.internal.postprocess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.latentcadx.sdk.BoundingBox;
import org.latentcadx.sdk.Lesion;
import org.latentcadx.sdk.ProbabilityMap;
import org.latentcadx.sdk.internal.ConnectedComponents;

/**
 * Finds lesions as the 8-connected components of the map pixels whose probability is at or above a
 * threshold. Lesions are ordered by peak probability, highest first (ties: top-most, then left-most).
 */
public final class LesionExtractor {

  private LesionExtractor() {}

  /** The lesions of {@code map}, whose row-major values are {@code values}, at {@code threshold}. */
  public static List<Lesion> extract(ProbabilityMap map, float[] values, float threshold) {
    int width = map.width();
    boolean[] above = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      above[i] = values[i] >= threshold;
    }
    ConnectedComponents components = ConnectedComponents.of(above, width, map.height());
    Component[] stats = new Component[components.count];
    for (int i = 0; i < values.length; i++) {
      int label = components.labels[i];
      if (label == 0) {
        continue;
      }
      if (stats[label - 1] == null) {
        stats[label - 1] = new Component(i % width, i / width);
      }
      stats[label - 1].add(i % width, i / width, values[i]);
    }
    List<Lesion> lesions = new ArrayList<>(stats.length);
    for (Component component : stats) {
      lesions.add(component.toLesion(map));
    }
    // Components are numbered in row-major order of their first pixel, so a stable sort keeps ties so.
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
    private int peakX;
    private int peakY;
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
      if (value > peak) {
        peak = value;
        peakX = x;
        peakY = y;
      }
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
      return new Lesion(mapBox, imageBox, area, peak, (float) (sum / area), peakX, peakY);
    }
  }
}
