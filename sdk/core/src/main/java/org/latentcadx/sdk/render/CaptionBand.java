package org.latentcadx.sdk.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * The band under an overlay PNG: a caption line (file, image probability, model, lesion threshold) and
 * the colour scale of the tint, from the lowest tinted probability to 1 with the threshold marked, so
 * that the picture explains itself when it is mailed or printed on its own.
 */
final class CaptionBand {

  private static final Color BACKGROUND = new Color(24, 24, 24);
  private static final Color TEXT = new Color(235, 235, 235);

  private CaptionBand() {}

  /** {@code picture} with the band added below it. */
  static BufferedImage below(BufferedImage picture, OverlayRenderer.Caption caption, double threshold, double floor) {
    int width = picture.getWidth();
    int fontSize = Math.max(11, Math.min(22, width / 70));
    int band = fontSize * 4;
    BufferedImage out = new BufferedImage(width, picture.getHeight() + band, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.drawImage(picture, 0, 0, null);
    g.setColor(BACKGROUND);
    g.fillRect(0, picture.getHeight(), width, band);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize));
    FontMetrics metrics = g.getFontMetrics();
    int top = picture.getHeight();
    int margin = fontSize / 2;
    g.setColor(TEXT);
    String line = String.format(Locale.ROOT, "%s   image probability %.3f   %s   lesion threshold %.2f",
        caption.file(), caption.imageProbability(), caption.model(), threshold);
    g.drawString(fit(line, metrics, width - 2 * margin), margin, top + margin + metrics.getAscent());

    // The colour scale: the tint over mid-grey, floor to 1, with ticks at the floor, the threshold and 1.
    int scaleX = margin + metrics.stringWidth("0.00 ");
    int scaleWidth = Math.max(10, Math.min(width / 2, width - scaleX - 2 * margin));
    int scaleY = top + margin + metrics.getHeight() + margin / 2;
    int scaleHeight = Math.max(6, fontSize / 2);
    for (int i = 0; i < scaleWidth; i++) {
      double p = floor + (1 - floor) * i / Math.max(1, scaleWidth - 1);
      g.setColor(new Color(OverlayRenderer.tint(0.5, p, floor)));
      g.drawLine(scaleX + i, scaleY, scaleX + i, scaleY + scaleHeight);
    }
    g.setColor(TEXT);
    g.drawString("tint: probability", scaleX + scaleWidth + margin + metrics.stringWidth("1.00"), scaleY + scaleHeight);
    int labelY = scaleY + scaleHeight + metrics.getAscent();
    for (double tick : new double[] {floor, threshold, 1.0}) {
      int x = scaleX + (int) Math.round((tick - floor) / (1 - floor) * (scaleWidth - 1));
      g.drawLine(x, scaleY - 2, x, scaleY + scaleHeight + 2);
      String label = String.format(Locale.ROOT, "%.2f", tick);
      g.drawString(label, Math.max(0, x - metrics.stringWidth(label) / 2), labelY);
    }
    g.dispose();
    return out;
  }

  /** {@code text}, shortened with an ellipsis in the middle to fit {@code width} pixels. */
  private static String fit(String text, FontMetrics metrics, int width) {
    if (metrics.stringWidth(text) <= width) {
      return text;
    }
    String shortened = text;
    while (shortened.length() > 8 && metrics.stringWidth(shortened) > width) {
      int middle = shortened.length() / 2;
      shortened = shortened.substring(0, middle - 2) + "…" + shortened.substring(middle + 2);
    }
    return shortened;
  }
}
