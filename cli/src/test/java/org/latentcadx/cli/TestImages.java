package org.latentcadx.cli;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Small 16-bit grey test images: a flat background with an optional bright square. */
public final class TestImages {

  public static final int WIDTH = 96;
  public static final int HEIGHT = 80;

  private TestImages() {}

  /**
   * Writes a {@value #WIDTH}×{@value #HEIGHT} 16-bit grey image in {@code format} ("png" or "tiff")
   * with grey {@code background} (fraction of 65535) and, when {@code squareSide > 0}, a square of
   * grey {@code square} at ({@code x}, {@code y}).
   */
  public static Path write(
      Path file, String format, double background, int x, int y, int squareSide, double square)
      throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_USHORT_GRAY);
    WritableRaster raster = image.getRaster();
    for (int row = 0; row < HEIGHT; row++) {
      for (int column = 0; column < WIDTH; column++) {
        boolean inside =
            column >= x && column < x + squareSide && row >= y && row < y + squareSide;
        raster.setSample(column, row, 0, (int) Math.round((inside ? square : background) * 65535));
      }
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (!ImageIO.write(image, format, file.toFile())) {
      throw new IOException("no ImageIO writer for " + format);
    }
    return file;
  }

  /** The probability the identity test model gives a pixel of grey {@code fraction}: its 16-bit value / 65535. */
  public static double stored(double fraction) {
    return Math.round(fraction * 65535) / 65535.0;
  }

  /** A normal image: flat grey 0.1. */
  public static Path normal(Path file) throws IOException {
    return write(file, "png", 0.1, 0, 0, 0, 0);
  }

  /** An image with a lesion: grey 0.1 with a 10×10 square of 0.9 at (40, 30). */
  public static Path lesion(Path file) throws IOException {
    return write(file, "png", 0.1, 40, 30, 10, 0.9);
  }

  /** A binary mask PNG (8-bit, 0/255) that is 1 inside the given square. */
  public static Path mask(Path file, int x, int y, int side) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
    for (int row = y; row < y + side; row++) {
      for (int column = x; column < x + side; column++) {
        image.getRaster().setSample(column, row, 0, 255);
      }
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(image, "png", file.toFile());
    return file;
  }
}
