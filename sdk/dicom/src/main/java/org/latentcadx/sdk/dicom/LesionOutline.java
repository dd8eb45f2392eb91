package org.latentcadx.sdk.dicom;

import java.util.ArrayList;
import java.util.List;
import org.latentcadx.sdk.BoundingBox;
import org.latentcadx.sdk.Lesion;
import org.latentcadx.sdk.ProbabilityMap;

/**
 * The outline of a lesion: the boundary pixels of its region of the map (the pixels at or above the
 * threshold 8-connected to its peak), in order around the region (Moore-neighbour tracing with
 * Jacob's stopping criterion), as a closed polygon through the centres of those pixels in original-image
 * pixel coordinates. The polygon follows the outer boundary; holes are not traced.
 */
final class LesionOutline {

  /** The 8 neighbours, clockwise (rows grow downwards) starting from the west. */
  private static final int[] DX = {-1, -1, 0, 1, 1, 1, 0, -1};
  private static final int[] DY = {0, -1, -1, -1, 0, 1, 1, 1};

  private LesionOutline() {}

  /**
   * Column, row pairs in original pixels, the first point repeated at the end; a one-pixel region gives
   * its box's corners instead.
   */
  static float[] of(ProbabilityMap map, Lesion lesion, double threshold) {
    BoundingBox box = lesion.mapBox();
    boolean[] inside = region(map, lesion, (float) threshold);
    List<int[]> boundary = trace(inside, box.width(), box.height());
    int factor = map.downsampleFactor();
    if (boundary.size() < 2) {
      return boxCorners(lesion.imageBox());
    }
    float[] points = new float[2 * (boundary.size() + 1)];
    for (int i = 0; i <= boundary.size(); i++) {
      int[] pixel = boundary.get(i % boundary.size());
      points[2 * i] = clamp((box.x() + pixel[0] + 0.5f) * factor, map.originalWidth());
      points[2 * i + 1] = clamp((box.y() + pixel[1] + 0.5f) * factor, map.originalHeight());
    }
    return points;
  }

  /** The region's pixels within its box: flood fill (8-connected, ≥ threshold) from the peak. */
  private static boolean[] region(ProbabilityMap map, Lesion lesion, float threshold) {
    BoundingBox box = lesion.mapBox();
    boolean[] inside = new boolean[box.width() * box.height()];
    int[] stack = new int[inside.length];
    int top = 0;
    int seed = (lesion.peakMapY() - box.y()) * box.width() + (lesion.peakMapX() - box.x());
    inside[seed] = true;
    stack[top++] = seed;
    while (top > 0) {
      int index = stack[--top];
      int x = index % box.width();
      int y = index / box.width();
      for (int d = 0; d < 8; d++) {
        int nx = x + DX[d];
        int ny = y + DY[d];
        if (nx < 0 || ny < 0 || nx >= box.width() || ny >= box.height()) {
          continue;
        }
        int next = ny * box.width() + nx;
        if (!inside[next] && map.get(box.x() + nx, box.y() + ny) >= threshold) {
          inside[next] = true;
          stack[top++] = next;
        }
      }
    }
    return inside;
  }

  /** The boundary pixels (x, y) in tracing order, starting at the first region pixel in raster order. */
  static List<int[]> trace(boolean[] inside, int width, int height) {
    int start = -1;
    for (int i = 0; i < inside.length && start < 0; i++) {
      if (inside[i]) {
        start = i;
      }
    }
    List<int[]> boundary = new ArrayList<>();
    if (start < 0) {
      return boundary;
    }
    int startX = start % width;
    int startY = start / width;
    int x = startX;
    int y = startY;
    int backtrack = 0; // the start's west neighbour is outside (raster order)
    int firstMove = -1;
    boundary.add(new int[] {x, y});
    while (true) {
      int move = -1;
      for (int k = 1; k <= 8; k++) {
        int d = (backtrack + k) % 8;
        int nx = x + DX[d];
        int ny = y + DY[d];
        if (nx >= 0 && ny >= 0 && nx < width && ny < height && inside[ny * width + nx]) {
          move = d;
          break;
        }
      }
      if (move < 0) {
        return boundary; // an isolated pixel
      }
      if (x == startX && y == startY) {
        if (firstMove == move) {
          boundary.remove(boundary.size() - 1); // back at the start, about to repeat the first step
          return boundary;
        }
        if (firstMove < 0) {
          firstMove = move;
        }
      }
      // The neighbour checked just before the move, seen from the new pixel, is where the next
      // clockwise search starts from.
      int previous = (move + 7) % 8;
      int px = x + DX[previous];
      int py = y + DY[previous];
      x += DX[move];
      y += DY[move];
      backtrack = direction(px - x, py - y);
      boundary.add(new int[] {x, y});
    }
  }

  private static int direction(int dx, int dy) {
    for (int d = 0; d < 8; d++) {
      if (DX[d] == dx && DY[d] == dy) {
        return d;
      }
    }
    throw new IllegalStateException("not a neighbour offset: " + dx + ", " + dy);
  }

  private static float[] boxCorners(BoundingBox box) {
    float x0 = box.x();
    float y0 = box.y();
    float x1 = box.x() + box.width();
    float y1 = box.y() + box.height();
    return new float[] {x0, y0, x1, y0, x1, y1, x0, y1, x0, y0};
  }

  private static float clamp(float value, int size) {
    return Math.min(value, size);
  }
}
