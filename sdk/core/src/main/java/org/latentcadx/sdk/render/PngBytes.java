package org.latentcadx.sdk.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * PNG encoding of the two pictures this package writes, 8-bit RGB and 16-bit grey, non-interlaced, each
 * row with the Sub filter, compressed at deflate level 1. The JDK's PNG writer produced the same
 * pictures, but its one large pixel loop costs about 0.5 s of JIT compilation on each of its first few
 * calls: on the five sample mammograms, PNG writing was a fifth of a {@code score} run, most of it
 * compiling (docs/PERFORMANCE.md).
 */
final class PngBytes {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final int COLOR_TYPE_GREY = 0;
  private static final int COLOR_TYPE_RGB = 2;
  private static final int FILTER_SUB = 1;

  private PngBytes() {}

  /** The PNG of a whole {@link BufferedImage#TYPE_INT_RGB} picture (not a subimage), 8 bits per channel. */
  static byte[] rgb(BufferedImage picture) {
    if (picture.getType() != BufferedImage.TYPE_INT_RGB) {
      throw new IllegalArgumentException("expected a TYPE_INT_RGB picture, got type " + picture.getType());
    }
    if (picture.getRaster().getParent() != null) {
      throw new IllegalArgumentException("expected a whole picture, not a subimage (its pixels are not row by row)");
    }
    int width = picture.getWidth();
    int[] pixels = ((DataBufferInt) picture.getRaster().getDataBuffer()).getData();
    byte[] row = new byte[1 + 3 * width];
    row[0] = FILTER_SUB;
    return encode(width, picture.getHeight(), 8, COLOR_TYPE_RGB, (y, out) -> {
      int previous = 0;
      int offset = y * width;
      for (int x = 0, i = 1; x < width; x++, i += 3) {
        int rgb = pixels[offset + x];
        row[i] = (byte) ((rgb >> 16) - (previous >> 16));
        row[i + 1] = (byte) ((rgb >> 8) - (previous >> 8));
        row[i + 2] = (byte) (rgb - previous);
        previous = rgb;
      }
      out.write(row);
    });
  }

  /** The PNG of 16-bit grey samples, row by row ({@code width × height} of them). */
  static byte[] grey16(short[] samples, int width, int height) {
    if (samples.length != width * height) {
      throw new IllegalArgumentException(
          "expected " + width + " × " + height + " samples, got " + samples.length);
    }
    byte[] row = new byte[1 + 2 * width];
    row[0] = FILTER_SUB;
    return encode(width, height, 16, COLOR_TYPE_GREY, (y, out) -> {
      int previous = 0;
      int offset = y * width;
      for (int x = 0, i = 1; x < width; x++, i += 2) {
        int sample = samples[offset + x];
        row[i] = (byte) ((sample >> 8) - (previous >> 8));
        row[i + 1] = (byte) (sample - previous);
        previous = sample;
      }
      out.write(row);
    });
  }

  /** Writes the filtered row {@code y}, filter type byte first. */
  private interface RowWriter {
    void write(int y, DeflaterOutputStream out) throws IOException;
  }

  private static byte[] encode(int width, int height, int bitDepth, int colorType, RowWriter rows) {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(SIGNATURE);
    byte[] header = new byte[13];
    putInt(header, 0, width);
    putInt(header, 4, height);
    header[8] = (byte) bitDepth;
    header[9] = (byte) colorType; // compression, filter and interlace methods stay 0
    chunk(png, "IHDR", header);
    Deflater deflater = new Deflater(1);
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
      for (int y = 0; y < height; y++) {
        rows.write(y, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("compressing a PNG in memory failed", e);
    } finally {
      deflater.end();
    }
    chunk(png, "IDAT", compressed.toByteArray());
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    byte[] length = new byte[4];
    putInt(length, 0, data.length);
    png.writeBytes(length);
    png.writeBytes(typeBytes);
    png.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    byte[] checksum = new byte[4];
    putInt(checksum, 0, (int) crc.getValue());
    png.writeBytes(checksum);
  }

  private static void putInt(byte[] bytes, int offset, int value) {
    bytes[offset] = (byte) (value >>> 24);
    bytes[offset + 1] = (byte) (value >>> 16);
    bytes[offset + 2] = (byte) (value >>> 8);
    bytes[offset + 3] = (byte) value;
  }
}
