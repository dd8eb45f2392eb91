package org.latentcadx.conformance.regenerate;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Deterministic 12-bit film-like test images: a smooth breast-shaped tissue background, seeded noise and
 * optionally a dense round lesion (lower grey level, higher optical density on HOWTEK-style scanners).
 */
final class SyntheticImages {

  /** A {@code width × height} image of grey levels 0..4095, row-major. */
  record Image(int width, int height, int[] grey) {

    /** The image as a 16-bit grey PNG (what ImageFiles reads). */
    byte[] png() {
      BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
      WritableRaster raster = image.getRaster();
      raster.setSamples(0, 0, width, height, 0, grey);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        ImageIO.write(image, "png", out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }
  }

  private SyntheticImages() {}

  /**
   * An image drawn from {@code seed}; with {@code lesion} a dense disk of radius about 3 % of the
   * shorter side at a seeded position inside the breast.
   */
  static Image draw(int width, int height, long seed, boolean lesion) {
    SplittableRandom random = new SplittableRandom(seed);
    double lesionX = width * random.nextDouble(0.25, 0.6);
    double lesionY = height * random.nextDouble(0.3, 0.7);
    double radius = Math.min(width, height) * random.nextDouble(0.02, 0.05);
    double ripple = random.nextDouble(4, 9);
    int[] grey = new int[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double u = (double) x / width;
        double v = (double) y / height - 0.5;
        double inside = 1 / (1 + Math.exp((Math.hypot(u, v * 0.8) - 0.75) * 40));
        double tissue = 0.5 + 0.25 * Math.sin(ripple * u + 3 * v) * Math.cos(ripple * v);
        double level = 3900 - inside * (900 + 700 * tissue);
        if (lesion) {
          double r = Math.hypot(x - lesionX, y - lesionY);
          level -= 650 / (1 + Math.exp((r - radius) / (0.15 * radius + 1)));
        }
        level += 25 * random.nextGaussian();
        grey[y * width + x] = (int) Math.max(0, Math.min(4095, Math.round(level)));
      }
    }
    return new Image(width, height, grey);
  }
}
