package org.latentcadx.cli.evaluate;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.latentcadx.sdk.LatentCadxException;

/**
 * A worst case's picture for the report: the prediction (the overlay PNG as {@code score} wrote it) and,
 * beside it, the same picture with the ground truth drawn on it: each abnormality's hand-drawn outline in
 * magenta and, where the ground truth has it, the true (latent) lesion's outline in white.
 */
final class TruthPanel {

  private static final int OUTLINE = new Color(255, 0, 255).getRGB();
  private static final int LATENT = Color.WHITE.getRGB();

  private TruthPanel() {}

  /**
   * The two panels side by side, as PNG bytes.
   *
   * @param overlayPng the overlay PNG of an image {@code imageWidth} pixels wide (a caption band below
   *     the image part, if any, is kept)
   */
  static byte[] beside(byte[] overlayPng, int imageWidth, int imageHeight, List<GroundTruthRow> rows)
      throws IOException, LatentCadxException {
    BufferedImage prediction = readPng(overlayPng);
    double scale = (double) prediction.getWidth() / imageWidth;
    int pictureHeight = Math.min(prediction.getHeight(), (int) Math.round(imageHeight * scale));
    BufferedImage truth = new BufferedImage(prediction.getWidth(), prediction.getHeight(), BufferedImage.TYPE_INT_RGB);
    truth.getGraphics().drawImage(prediction, 0, 0, null);
    MaskReader masks = new MaskReader();
    for (GroundTruthRow row : rows) {
      outline(truth, pictureHeight, masks.read(row.roiMask()), OUTLINE);
      if (row.latentMask().isPresent()) {
        outline(truth, pictureHeight, masks.read(row.latentMask().get()), LATENT);
      }
    }
    int gap = Math.max(4, prediction.getWidth() / 100);
    BufferedImage both = new BufferedImage(2 * prediction.getWidth() + gap, prediction.getHeight(),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = both.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, both.getWidth(), both.getHeight());
    g.drawImage(prediction, 0, 0, null);
    g.drawImage(truth, prediction.getWidth() + gap, 0, null);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(11, prediction.getWidth() / 40)));
    g.setColor(Color.YELLOW);
    int baseline = g.getFontMetrics().getAscent() + 4;
    g.drawString("prediction", 6, baseline);
    g.drawString("ground truth: outline (magenta), true lesion (white)", prediction.getWidth() + gap + 6, baseline);
    g.dispose();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(both, "png", bytes);
    return bytes.toByteArray();
  }

  /** Draws the boundary of {@code mask} (image scale) onto the picture's top {@code height} rows. */
  private static void outline(BufferedImage picture, int height, MaskReader.Mask mask, int colour) {
    int width = picture.getWidth();
    boolean[] inside = new boolean[width * height];
    for (int y = 0; y < height; y++) {
      int my = Math.min(mask.height() - 1, (int) ((y + 0.5) * mask.height() / height));
      for (int x = 0; x < width; x++) {
        int mx = Math.min(mask.width() - 1, (int) ((x + 0.5) * mask.width() / width));
        inside[y * width + x] = mask.inside()[my * mask.width() + mx];
      }
    }
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (inside[y * width + x] && (x == 0 || y == 0 || x == width - 1 || y == height - 1
            || !inside[y * width + x - 1] || !inside[y * width + x + 1]
            || !inside[(y - 1) * width + x] || !inside[(y + 1) * width + x])) {
          picture.setRGB(x, y, colour);
        }
      }
    }
  }

  /**
   * Decodes PNG bytes with the PNG reader itself: {@code ImageIO.read} would first ask every installed
   * reader whether it can decode them, and PixelMed's JPEG lossless reader answers on standard output.
   */
  private static BufferedImage readPng(byte[] png) throws IOException {
    ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
      reader.setInput(in, true, true);
      return reader.read(0);
    } finally {
      reader.dispose();
    }
  }
}
