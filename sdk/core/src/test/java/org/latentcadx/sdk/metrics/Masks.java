package org.latentcadx.sdk.metrics;

/** Small masks drawn as text rows: '.' is 0, '#' is 1, a digit d is d/10. */
final class Masks {

  private Masks() {}

  static float[] draw(String... rows) {
    int width = rows[0].length();
    float[] mask = new float[rows.length * width];
    for (int y = 0; y < rows.length; y++) {
      for (int x = 0; x < width; x++) {
        char c = rows[y].charAt(x);
        mask[y * width + x] = c == '.' ? 0f : c == '#' ? 1f : (c - '0') / 10f;
      }
    }
    return mask;
  }
}
