package org.latentcadx.trainer.data.synthetic;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A PNG overview of generated mammograms: per image a whole-image thumbnail and full-resolution crops
 * around its lesions, with hand-drawn outlines in red and latent truth in green.
 */
final class ContactSheet {

  private static final int THUMB_HEIGHT = 384;
  private static final int CROP = 256;
  private static final int GAP = 4;
  private static final int OUTLINE = 0xFF3030;
  private static final int LATENT = 0x30FF30;

  private ContactSheet() {}

  static void write(Path file, List<SyntheticMammogram> images, int columns) throws IOException {
    int tileWidth = 0;
    for (SyntheticMammogram m : images) {
      int thumbWidth = (int) Math.round(m.width() * (double) THUMB_HEIGHT / m.height());
      tileWidth = Math.max(tileWidth, thumbWidth + 2 * (CROP + GAP));
    }
    int rows = (images.size() + columns - 1) / columns;
    BufferedImage sheet =
        new BufferedImage(
            columns * (tileWidth + 3 * GAP), rows * (THUMB_HEIGHT + 3 * GAP), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    g.setColor(Color.DARK_GRAY);
    g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
    g.dispose();
    for (int k = 0; k < images.size(); k++) {
      int x0 = (k % columns) * (tileWidth + 3 * GAP) + GAP;
      int y0 = (k / columns) * (THUMB_HEIGHT + 3 * GAP) + GAP;
      drawImage(sheet, images.get(k), x0, y0);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(sheet, "png", file.toFile());
  }

  private static void drawImage(BufferedImage sheet, SyntheticMammogram m, int x0, int y0) {
    double step = (double) m.height() / THUMB_HEIGHT;
    int thumbWidth = (int) Math.round(m.width() / step);
    for (int v = 0; v < THUMB_HEIGHT; v++) {
      for (int u = 0; u < thumbWidth; u++) {
        int grey = grey(m, (int) (u * step), (int) (v * step));
        sheet.setRGB(x0 + u, y0 + v, grey * 0x010101);
      }
    }
    int crops = 0;
    for (SyntheticMammogram.RenderedLesion lesion : m.lesions()) {
      markBoundary(sheet, m, lesion.outlineMask(), OUTLINE, x0, y0, step, 0, 0, THUMB_HEIGHT, thumbWidth);
      markBoundary(sheet, m, lesion.latentMask(), LATENT, x0, y0, step, 0, 0, THUMB_HEIGHT, thumbWidth);
      if (crops < 2) {
        drawCrop(sheet, m, lesion, x0 + thumbWidth + GAP + crops * (CROP + GAP), y0);
        crops++;
      }
    }
  }

  /** A {@code CROP}-pixel crop (at the downsampled scale) centred on the lesion. */
  private static void drawCrop(
      BufferedImage sheet, SyntheticMammogram m, SyntheticMammogram.RenderedLesion lesion, int x0, int y0) {
    int scale = m.scale();
    double step = scale;
    int left = (int) Math.round(lesion.lesion().facts().centreX() * scale - CROP * step / 2);
    int top = (int) Math.round(lesion.lesion().facts().centreY() * scale - CROP * step / 2);
    for (int v = 0; v < CROP; v++) {
      for (int u = 0; u < CROP; u++) {
        int x = left + (int) (u * step);
        int y = top + (int) (v * step);
        boolean inside = x >= 0 && y >= 0 && x < m.width() && y < m.height();
        sheet.setRGB(x0 + u, y0 + v, inside ? grey(m, x, y) * 0x010101 : 0);
      }
    }
    markBoundary(sheet, m, lesion.outlineMask(), OUTLINE, x0, y0, step, left, top, CROP, CROP);
    markBoundary(sheet, m, lesion.latentMask(), LATENT, x0, y0, step, left, top, CROP, CROP);
  }

  /** Colours the panel pixels whose image pixel lies on the mask's boundary. */
  private static void markBoundary(
      BufferedImage sheet, SyntheticMammogram m, byte[] mask, int rgb, int x0, int y0, double step,
      int left, int top, int panelHeight, int panelWidth) {
    int w = m.width();
    for (int y = 1; y < m.height() - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        int i = y * w + x;
        if (mask[i] == 0
            || (mask[i - 1] != 0 && mask[i + 1] != 0 && mask[i - w] != 0 && mask[i + w] != 0)) {
          continue;
        }
        int u = (int) ((x - left) / step);
        int v = (int) ((y - top) / step);
        if (u >= 0 && v >= 0 && u < panelWidth && v < panelHeight) {
          sheet.setRGB(x0 + u, y0 + v, rgb);
        }
      }
    }
  }

  /** 8-bit display grey of a pixel (window 0 … 0.75 of the 16-bit range). */
  private static int grey(SyntheticMammogram m, int x, int y) {
    double v = Short.toUnsignedInt(m.pixels()[y * m.width() + x]) / 65535.0 / 0.75;
    return (int) Math.round(255 * Math.min(1, Math.max(0, v)));
  }
}
