package org.latentcadx.sdk.internal;

import java.util.Arrays;

/**
 * 8-connected components of a binary mask stored row by row. Components are numbered 1, 2, … in the
 * raster order of their first pixel; background is 0. Shared by lesion extraction and the per-lesion
 * segmentation metrics, so that both see the same lesions. Besides the labels, memory grows with the
 * largest component and the number of components, not with the mask.
 */
public final class ConnectedComponents {

  /** The component number of each pixel, row by row; 0 for background. */
  public final int[] labels;
  /** How many components there are. */
  public final int count;
  /** Pixel count of component k at index k − 1. */
  public final int[] sizes;

  private ConnectedComponents(int[] labels, int count, int[] sizes) {
    this.labels = labels;
    this.count = count;
    this.sizes = sizes;
  }

  /** The components of {@code mask}, a {@code width × height} image row by row. */
  public static ConnectedComponents of(boolean[] mask, int width, int height) {
    int[] labels = new int[mask.length];
    int[] stack = new int[64];
    int[] sizes = new int[16];
    int count = 0;
    for (int start = 0; start < mask.length; start++) {
      if (!mask[start] || labels[start] != 0) {
        continue;
      }
      count++;
      if (count > sizes.length) {
        sizes = Arrays.copyOf(sizes, 2 * sizes.length);
      }
      labels[start] = count;
      int top = 0;
      stack[top++] = start;
      while (top > 0) {
        int pixel = stack[--top];
        sizes[count - 1]++;
        int x = pixel % width;
        int y = pixel / width;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int nx = x + dx;
            int ny = y + dy;
            if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
              continue;
            }
            int neighbour = ny * width + nx;
            if (mask[neighbour] && labels[neighbour] == 0) {
              labels[neighbour] = count;
              if (top == stack.length) {
                stack = Arrays.copyOf(stack, 2 * stack.length);
              }
              stack[top++] = neighbour;
            }
          }
        }
      }
    }
    return new ConnectedComponents(labels, count, Arrays.copyOf(sizes, count));
  }
}
