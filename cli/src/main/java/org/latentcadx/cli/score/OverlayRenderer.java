package org.latentcadx.cli.score;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.latentcadx.cli.io.ProbabilityMapPng;

/**
 * Draws the overlay PNG of a scored image: the mammogram in grey (windowed between its 1st and 99.5th
 * percentile grey levels), the probability map as a red-to-yellow heat tint whose opacity grows with
 * the probability (nothing below {@value #MIN_TINT}), the outline of the thresholded map in green and
 * the lesion boxes in cyan. Images are drawn at most {@value #MAX_SIDE} pixels on their long side.
 */
public final class OverlayRenderer {

  static final int MAX_SIDE = 1536;
  static final double MIN_TINT = 0.1;
  private static final int OUTLINE = new Color(0, 230, 0).getRGB();
  private static final Color BOX = new Color(0, 220, 255);

  private OverlayRenderer() {}

  /**
   * The overlay as PNG bytes.
   *
   * @param width original image width
   * @param height original image height
   * @param pixels original grey levels, row-major
   * @param map the probability map (any resolution; sampled bilinearly)
   * @param threshold the lesion threshold of the map
   * @param lesionBoxesPx lesion bounding boxes in original-image pixels
   */
  public static byte[] render(
      int width,
      int height,
      float[] pixels,
      ProbabilityMapPng.Map map,
      double threshold,
      List<ScoreResult.Box> lesionBoxesPx)
      throws IOException {
    double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(width, height));
    int outWidth = Math.max(1, (int) Math.round(width * scale));
    int outHeight = Math.max(1, (int) Math.round(height * scale));
    float[] grey = boxDownsample(width, height, pixels, outWidth, outHeight);
    float[] window = window(grey);
    float[] heat = resample(map, outWidth, outHeight);

    int[] rgb = new int[outWidth * outHeight];
    for (int i = 0; i < rgb.length; i++) {
      double g = Math.min(1, Math.max(0, (grey[i] - window[0]) / (window[1] - window[0])));
      rgb[i] = tint(g, heat[i]);
    }
    drawOutline(rgb, outWidth, outHeight, heat, threshold);
    BufferedImage image = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, outWidth, outHeight, rgb, 0, outWidth);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(BOX);
    graphics.setStroke(new BasicStroke(Math.max(1f, outWidth / 512f)));
    for (ScoreResult.Box box : lesionBoxesPx) {
      graphics.drawRect(
          (int) Math.floor(box.x() * scale),
          (int) Math.floor(box.y() * scale),
          (int) Math.ceil(box.width() * scale),
          (int) Math.ceil(box.height() * scale));
    }
    graphics.dispose();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "png", bytes);
    return bytes.toByteArray();
  }

  private static int tint(double grey, double probability) {
    double alpha = probability < MIN_TINT ? 0 : 0.6 * probability;
    double red = 1.0;
    double green = probability;
    int r = channel(grey * (1 - alpha) + red * alpha);
    int g = channel(grey * (1 - alpha) + green * alpha);
    int b = channel(grey * (1 - alpha));
    return (r << 16) | (g << 8) | b;
  }

  private static int channel(double value) {
    return (int) Math.round(Math.min(1, Math.max(0, value)) * 255);
  }

  private static void drawOutline(int[] rgb, int width, int height, float[] heat, double threshold) {
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (heat[y * width + x] >= threshold
            && (below(heat, width, height, x - 1, y, threshold)
                || below(heat, width, height, x + 1, y, threshold)
                || below(heat, width, height, x, y - 1, threshold)
                || below(heat, width, height, x, y + 1, threshold))) {
          rgb[y * width + x] = OUTLINE;
        }
      }
    }
  }

  private static boolean below(float[] heat, int width, int height, int x, int y, double threshold) {
    return x < 0 || y < 0 || x >= width || y >= height || heat[y * width + x] < threshold;
  }

  /** Mean grey level of the source block under each output pixel. */
  static float[] boxDownsample(int width, int height, float[] pixels, int outWidth, int outHeight) {
    float[] out = new float[outWidth * outHeight];
    for (int oy = 0; oy < outHeight; oy++) {
      int y0 = (int) ((long) oy * height / outHeight);
      int y1 = Math.max(y0 + 1, (int) ((long) (oy + 1) * height / outHeight));
      for (int ox = 0; ox < outWidth; ox++) {
        int x0 = (int) ((long) ox * width / outWidth);
        int x1 = Math.max(x0 + 1, (int) ((long) (ox + 1) * width / outWidth));
        double sum = 0;
        for (int y = y0; y < y1; y++) {
          for (int x = x0; x < x1; x++) {
            sum += pixels[y * width + x];
          }
        }
        out[oy * outWidth + ox] = (float) (sum / ((y1 - y0) * (x1 - x0)));
      }
    }
    return out;
  }

  /** The 1st and 99.5th percentile grey levels, never equal. */
  private static float[] window(float[] grey) {
    float[] sorted = grey.clone();
    Arrays.sort(sorted);
    float low = sorted[(int) (0.01 * (sorted.length - 1))];
    float high = sorted[(int) (0.995 * (sorted.length - 1))];
    return new float[] {low, high > low ? high : low + 1};
  }

  /** The map sampled bilinearly at the centres of an {@code outWidth × outHeight} grid. */
  static float[] resample(ProbabilityMapPng.Map map, int outWidth, int outHeight) {
    float[] out = new float[outWidth * outHeight];
    for (int oy = 0; oy < outHeight; oy++) {
      double my = clamp((oy + 0.5) * map.height() / outHeight - 0.5, map.height() - 1);
      int y0 = (int) Math.floor(my);
      int y1 = Math.min(y0 + 1, map.height() - 1);
      double fy = my - y0;
      for (int ox = 0; ox < outWidth; ox++) {
        double mx = clamp((ox + 0.5) * map.width() / outWidth - 0.5, map.width() - 1);
        int x0 = (int) Math.floor(mx);
        int x1 = Math.min(x0 + 1, map.width() - 1);
        double fx = mx - x0;
        double top = map.get(x0, y0) * (1 - fx) + map.get(x1, y0) * fx;
        double bottom = map.get(x0, y1) * (1 - fx) + map.get(x1, y1) * fx;
        out[oy * outWidth + ox] = (float) (top * (1 - fy) + bottom * fy);
      }
    }
    return out;
  }

  private static double clamp(double value, double max) {
    return Math.min(max, Math.max(0, value));
  }
}
