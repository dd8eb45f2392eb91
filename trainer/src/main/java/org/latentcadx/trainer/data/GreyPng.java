package org.latentcadx.trainer.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes single-channel 8- and 16-bit PNG files (images and masks); they are read with the SDK's ImageFiles. */
public final class GreyPng {

  private GreyPng() {}

  /** Writes 16-bit grey levels (unsigned values stored in shorts). */
  public static void write16(Path file, int width, int height, short[] pixels) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
    short[] data = ((DataBufferUShort) image.getRaster().getDataBuffer()).getData();
    System.arraycopy(pixels, 0, data, 0, pixels.length);
    write(file, image);
  }

  /** Writes a binary mask as 8-bit, 0 → 0 and non-zero → 255 (as CBIS-DDSM's ROI masks). */
  public static void writeMask(Path file, int width, int height, byte[] mask) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < mask.length; i++) {
      data[i] = mask[i] != 0 ? (byte) 255 : 0;
    }
    write(file, image);
  }

  private static void write(Path file, BufferedImage image) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer for " + file);
      }
    }
  }
}
