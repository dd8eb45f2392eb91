package org.latentcadx.sdk.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.latentcadx.sdk.BoundingBox;
import org.latentcadx.sdk.Lesion;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.ProbabilityMap;

/**
 * Draws a scored mammogram for people: the image in grey (windowed between its 1st and 99.5th
 * percentile grey levels), the probability map as a red-to-yellow tint only where it is worth seeing
 * (from half the lesion threshold up, and at least {@value #MIN_TINT}; its opacity grows from 0 there to
 * 0.6 at probability 1), the outline of the map at the lesion threshold in green, and each lesion's box
 * in cyan numbered in the detector's order with its peak probability. {@link #png(MammogramImage,
 * ProbabilityMap, double, Caption)} adds a band below the image with a caption (file, image probability,
 * model, threshold) and the colour scale. The command line's overlay PNG and the DICOM module's secondary
 * capture (without the band: no burned-in text) are both drawn here. Stateless and thread-safe.
 */
public final class OverlayRenderer {

  /** The long side of {@link #png}'s picture, at most. */
  public static final int PNG_MAX_SIDE = 1536;

  /** Probabilities below this (or below half the lesion threshold) are never tinted. */
  public static final double MIN_TINT = 0.1;

  /**
   * What the caption band under the PNG says.
   *
   * @param file the image's name
   * @param imageProbability the image-level probability
   * @param model the model's name and version
   */
  public record Caption(String file, double imageProbability, String model) {
    public Caption {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(model, "model");
    }
  }

  /** Pictures smaller than this on their long side get lesion boxes without number labels. */
  static final int MIN_LABELLED_SIDE = 256;

  /**
   * The window's percentiles are taken from about this many pixels, evenly spread: enough for a display
   * window, and sorting them takes milliseconds where sorting every pixel of a display-size picture took
   * about 100 ms.
   */
  private static final int WINDOW_SAMPLES = 1 << 16;

  private static final int OUTLINE = new Color(0, 230, 0).getRGB();
  private static final Color BOX = new Color(0, 220, 255);

  private OverlayRenderer() {}

  /**
   * The overlay as PNG bytes, at most {@link #PNG_MAX_SIDE} pixels on its long side.
   *
   * @param map the image's probability map (any downsample factor; sampled bilinearly)
   * @param threshold the lesion threshold: its outline is drawn and its lesions boxed
   */
  public static byte[] png(MammogramImage image, ProbabilityMap map, double threshold) {
    return PngBytes.rgb(render(image, map, threshold, PNG_MAX_SIDE));
  }

  /**
   * The overlay as PNG bytes with a band below it: the caption (file, image probability, model,
   * threshold) and the colour scale from the lowest tinted probability to 1, the threshold marked.
   */
  public static byte[] png(MammogramImage image, ProbabilityMap map, double threshold, Caption caption) {
    Objects.requireNonNull(caption, "caption");
    BufferedImage picture = render(image, map, threshold, PNG_MAX_SIDE);
    return PngBytes.rgb(CaptionBand.below(picture, caption, threshold, tintFloor(threshold)));
  }

  /**
   * The overlay as an RGB picture ({@code TYPE_INT_RGB}) of at most {@code maxSide} pixels on its long
   * side (the image's own size when it is smaller; each picture pixel shows the mean grey level of the
   * image pixels under it).
   *
   * @throws IllegalArgumentException if the map belongs to an image of another size, the threshold is
   *     outside (0, 1] or {@code maxSide} is not positive
   */
  public static BufferedImage render(MammogramImage image, ProbabilityMap map, double threshold, int maxSide) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(map, "map");
    ProbabilityMap.checkThreshold(threshold);
    if (maxSide < 1) {
      throw new IllegalArgumentException("maxSide must be ≥ 1, got " + maxSide);
    }
    if (map.originalWidth() != image.width() || map.originalHeight() != image.height()) {
      throw new IllegalArgumentException(
          "the map covers a " + map.originalWidth() + "x" + map.originalHeight() + " image, not the "
              + image.width() + "x" + image.height() + " image " + image.metadata().source());
    }
    int width = image.width();
    int height = image.height();
    double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
    int outWidth = Math.max(1, (int) Math.round(width * scale));
    int outHeight = Math.max(1, (int) Math.round(height * scale));
    float[] grey = boxDownsample(image, outWidth, outHeight);
    float[] window = window(grey);
    float[] heat = resample(map, outWidth, outHeight);

    int[] rgb = new int[outWidth * outHeight];
    double floor = tintFloor(threshold);
    for (int i = 0; i < rgb.length; i++) {
      double g = Math.min(1, Math.max(0, (grey[i] - window[0]) / (window[1] - window[0])));
      rgb[i] = tint(g, heat[i], floor);
    }
    drawOutline(rgb, outWidth, outHeight, heat, threshold);
    BufferedImage picture = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_INT_RGB);
    picture.setRGB(0, 0, outWidth, outHeight, rgb, 0, outWidth);
    Graphics2D graphics = picture.createGraphics();
    graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    graphics.setColor(BOX);
    graphics.setStroke(new BasicStroke(Math.max(1f, outWidth / 512f)));
    graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, Math.max(outWidth, outHeight) / 60)));
    int number = 0;
    for (Lesion lesion : map.lesions(threshold)) {
      BoundingBox box = lesion.imageBox();
      int x = (int) Math.floor(box.x() * scale);
      int y = (int) Math.floor(box.y() * scale);
      graphics.drawRect(x, y, (int) Math.ceil(box.width() * scale), (int) Math.ceil(box.height() * scale));
      number++;
      if (Math.max(outWidth, outHeight) < MIN_LABELLED_SIDE) {
        continue; // a thumbnail: the label would hide what it names
      }
      String label = number + "  " + String.format(Locale.ROOT, "%.2f", lesion.peakProbability());
      int baseline = y > graphics.getFontMetrics().getAscent() + 2 ? y - 3 : y + graphics.getFontMetrics().getAscent();
      int labelX = Math.max(0, Math.min(x, outWidth - graphics.getFontMetrics().stringWidth(label) - 1));
      graphics.drawString(label, labelX, baseline); // moved left where the box is near the right edge
    }
    graphics.dispose();
    return picture;
  }

  /** The lowest probability tinted: half the lesion threshold, and at least {@value #MIN_TINT}. */
  static double tintFloor(double threshold) {
    return Math.max(MIN_TINT, threshold / 2);
  }

  /**
   * The tint of a probability over a grey level (0..1): none below {@code floor}; from there red to
   * yellow as the probability grows, 0.15 opaque at the floor up to 0.6 at probability 1.
   */
  static int tint(double grey, double probability, double floor) {
    if (probability < floor) { // untinted grey, most pixels
      int level = channel(grey);
      return (level << 16) | (level << 8) | level;
    }
    double alpha = 0.15 + 0.45 * Math.min(1, (probability - floor) / (1 - floor));
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

  /** Mean grey level of the image block under each output pixel, one image row at a time. */
  static float[] boxDownsample(MammogramImage image, int outWidth, int outHeight) {
    int width = image.width();
    int height = image.height();
    // Output column ox averages image columns [firstColumn[ox], endColumn[ox]).
    int[] firstColumn = new int[outWidth];
    int[] endColumn = new int[outWidth];
    for (int ox = 0; ox < outWidth; ox++) {
      firstColumn[ox] = (int) ((long) ox * width / outWidth);
      endColumn[ox] = Math.max(firstColumn[ox] + 1, (int) ((long) (ox + 1) * width / outWidth));
    }
    float[] row = new float[width];
    double[] sums = new double[outWidth];
    float[] out = new float[outWidth * outHeight];
    for (int oy = 0; oy < outHeight; oy++) {
      int y0 = (int) ((long) oy * height / outHeight);
      int y1 = Math.max(y0 + 1, (int) ((long) (oy + 1) * height / outHeight));
      Arrays.fill(sums, 0);
      for (int y = y0; y < y1; y++) {
        image.copyRow(y, row, 0);
        for (int ox = 0; ox < outWidth; ox++) {
          double sum = 0;
          for (int x = firstColumn[ox], end = endColumn[ox]; x < end; x++) {
            sum += row[x];
          }
          sums[ox] += sum;
        }
      }
      for (int ox = 0; ox < outWidth; ox++) {
        int columns = endColumn[ox] - firstColumn[ox];
        out[oy * outWidth + ox] = (float) (sums[ox] / ((double) (y1 - y0) * columns));
      }
    }
    return out;
  }

  /** The 1st and 99.5th percentile grey levels (of an even sample of about {@link #WINDOW_SAMPLES}), never equal. */
  private static float[] window(float[] grey) {
    int step = Math.max(1, grey.length / WINDOW_SAMPLES);
    float[] sorted = new float[(grey.length + step - 1) / step];
    for (int i = 0, j = 0; i < grey.length; i += step, j++) {
      sorted[j] = grey[i];
    }
    Arrays.sort(sorted);
    float low = sorted[(int) (0.01 * (sorted.length - 1))];
    float high = sorted[(int) (0.995 * (sorted.length - 1))];
    return new float[] {low, high > low ? high : low + 1};
  }

  /** The map sampled bilinearly at the centres of an {@code outWidth × outHeight} grid. */
  static float[] resample(ProbabilityMap map, int outWidth, int outHeight) {
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
