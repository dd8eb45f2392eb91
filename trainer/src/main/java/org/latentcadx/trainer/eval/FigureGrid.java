package org.latentcadx.trainer.eval;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A PNG grid, one row per lesion patch: the patch, the patch with its outline (red) and latent truth
 * (green), then each model's mask as grey levels (white = 1) with the latent truth's edge in green.
 */
final class FigureGrid {
  private static final int HEADER = 22;
  private static final int LABEL = 16;

  private FigureGrid() {}

  /** Writes the rows {@code lesions} (positions into the set's lesion arrays) of {@code set}. */
  static void write(
      Path file, StudySet set, List<Integer> lesions, List<String> arms, List<float[][]> masks)
      throws IOException {
    int tile = set.tile();
    int columns = 2 + arms.size();
    int rowHeight = tile + LABEL;
    BufferedImage image =
        new BufferedImage(columns * tile, HEADER + lesions.size() * rowHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    String[] titles = new String[columns];
    titles[0] = "patch";
    titles[1] = "outline (red), latent (green)";
    for (int a = 0; a < arms.size(); a++) {
      titles[2 + a] = arms.get(a) + " mask";
    }
    for (int c = 0; c < columns; c++) {
      g.drawString(titles[c], c * tile + 4, 16);
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (int r = 0; r < lesions.size(); r++) {
      int j = lesions.get(r);
      int top = HEADER + r * rowHeight;
      float[] grey = set.images[j];
      float[] outline = set.outlines[j];
      float[] latent = set.latents[j];
      for (int p = 0; p < grey.length; p++) {
        int x = p % tile;
        int y = top + p / tile;
        int v = clamp(grey[p]);
        image.setRGB(x, y, rgb(v, v, v));
        boolean outlineEdge = edge(outline, p, tile);
        boolean latentEdge = edge(latent, p, tile);
        image.setRGB(tile + x, y, latentEdge ? rgb(0, 230, 0) : outlineEdge ? rgb(255, 40, 40) : rgb(v, v, v));
        for (int a = 0; a < arms.size(); a++) {
          int m = clamp(masks.get(a)[j][p]);
          image.setRGB((2 + a) * tile + x, y, latentEdge ? rgb(0, 200, 0) : rgb(m, m, m));
        }
      }
      g.setColor(Color.BLACK);
      var record = set.record(set.lesionPositions[j]);
      g.drawString(
          record.type().name().toLowerCase(java.util.Locale.ROOT) + " · " + record.patientId() + " · "
              + record.sourceImage().replaceAll(".*/", ""),
          4,
          top + tile + 12);
    }
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static boolean edge(float[] mask, int p, int tile) {
    if (mask[p] < 0.5f) {
      return false;
    }
    int x = p % tile;
    int y = p / tile;
    return x == 0 || y == 0 || x == tile - 1 || y == tile - 1
        || mask[p - 1] < 0.5f || mask[p + 1] < 0.5f || mask[p - tile] < 0.5f || mask[p + tile] < 0.5f;
  }

  private static int clamp(float value) {
    return Math.max(0, Math.min(255, Math.round(value * 255)));
  }

  private static int rgb(int r, int g, int b) {
    return (r << 16) | (g << 8) | b;
  }
}
