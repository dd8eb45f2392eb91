package org.latentcadx.trainer.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads and writes single-channel 8- and 16-bit PNG files (images and masks). */
public final class GreyPng {

  /**
   * A decoded grey image.
   *
   * @param width pixels per row
   * @param height rows
   * @param values row-major grey levels (0..255 or 0..65535)
   * @param bitDepth 8 or 16
   */
  public record Image(int width, int height, int[] values, int bitDepth) {}

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

  /** Reads a grey PNG (8 or 16 bits; colour files are refused). */
  public static Image read(Path file) throws IOException {
    return withReader(
        file,
        reader -> {
          BufferedImage image = reader.read(0);
          Raster raster = image.getRaster();
          if (raster.getNumBands() != 1) {
            throw new IOException(
                file + ": " + raster.getNumBands() + " channels; expected a single-channel grey image");
          }
          int bits = image.getColorModel().getComponentSize(0);
          int[] values = raster.getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
          return new Image(image.getWidth(), image.getHeight(), values, bits <= 8 ? 8 : 16);
        });
  }

  /** The width and height of an image file, read from its header without decoding the pixels. */
  public static int[] size(Path file) throws IOException {
    return withReader(file, reader -> new int[] {reader.getWidth(0), reader.getHeight(0)});
  }

  private interface ReaderFunction<T> {
    T apply(ImageReader reader) throws IOException;
  }

  /**
   * Runs {@code function} with an ImageIO reader chosen by the file's suffix (asking every installed
   * reader to sniff the content is slow and makes some plug-ins print to the console).
   */
  private static <T> T withReader(Path file, ReaderFunction<T> function) throws IOException {
    String name = file.getFileName().toString();
    String suffix = name.substring(name.lastIndexOf('.') + 1);
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersBySuffix(suffix);
      if (in == null || !readers.hasNext()) {
        throw new IOException(file + ": not a readable PNG/image file");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        return function.apply(reader);
      } finally {
        reader.dispose();
      }
    }
  }
}
