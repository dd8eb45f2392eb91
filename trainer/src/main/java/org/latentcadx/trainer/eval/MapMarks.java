package org.latentcadx.trainer.eval;

import java.util.ArrayList;
import java.util.List;
import org.latentcadx.sdk.internal.ConnectedComponents;

/** The marks of a probability map: connected regions at or above a threshold, each at its peak. */
final class MapMarks {
  private MapMarks() {}

  /**
   * The peak pixel (row-major index) of every 8-connected region of {@code map} ({@code width} wide)
   * with values ≥ {@code threshold}, labelled as the SDK's lesion extraction labels them.
   */
  static List<Integer> peaks(float[] map, int width, float threshold) {
    boolean[] above = new boolean[map.length];
    for (int p = 0; p < map.length; p++) {
      above[p] = map[p] >= threshold;
    }
    ConnectedComponents components = ConnectedComponents.of(above, width, map.length / width);
    int[] peaks = new int[components.count];
    java.util.Arrays.fill(peaks, -1);
    for (int p = 0; p < map.length; p++) {
      int k = components.labels[p] - 1;
      if (k >= 0 && (peaks[k] < 0 || map[p] > map[peaks[k]])) {
        peaks[k] = p;
      }
    }
    List<Integer> list = new ArrayList<>(peaks.length);
    for (int peak : peaks) {
      list.add(peak);
    }
    return list;
  }
}
