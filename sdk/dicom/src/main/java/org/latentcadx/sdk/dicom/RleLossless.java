package org.latentcadx.sdk.dicom;

import java.io.ByteArrayOutputStream;

/**
 * One frame of an RGB picture encoded as DICOM RLE Lossless (PS3.5 Annex G) in the YBR_FULL colour space
 * (PS3.3 C.7.6.3.1.2): a 64-byte header (the segment count and each segment's offset, little-endian),
 * then one segment per plane (Y, Cb, Cr), each the PackBits encoding of that plane's bytes row by row,
 * padded to an even length. Runs of three or more equal bytes are replicate runs and no run crosses a
 * row, as G.3.1 requires. YBR_FULL rather than RGB because a grey pixel has Cb = Cr = 128 exactly, so
 * the two chroma planes of a mammogram overlay are long runs: RGB planes of the same picture hardly
 * compress (8.2 MB against 8.4 MB raw for a 2048 × 1365 overlay). The conversion rounds each component
 * to an integer, so a tinted pixel may come back from it one or two levels off; grey pixels are exact.
 */
final class RleLossless {

  static final String TRANSFER_SYNTAX = "1.2.840.10008.1.2.5";
  static final String PHOTOMETRIC_INTERPRETATION = "YBR_FULL";

  private static final int HEADER_BYTES = 64;
  private static final int MAX_RUN = 128;

  private RleLossless() {}

  /** The frame of {@code width × height} pixels held as {@code 0xRRGGBB} ints, row by row. */
  static byte[] encodeRgb(int[] rgb, int width, int height) {
    ByteArrayOutputStream[] segments = new ByteArrayOutputStream[3];
    for (int plane = 0; plane < 3; plane++) {
      segments[plane] = new ByteArrayOutputStream(width * height / 4);
    }
    byte[][] rows = new byte[3][width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int pixel = rgb[y * width + x];
        int r = (pixel >> 16) & 0xFF;
        int g = (pixel >> 8) & 0xFF;
        int b = pixel & 0xFF;
        rows[0][x] = component(0.2990 * r + 0.5870 * g + 0.1140 * b);
        rows[1][x] = component(-0.1687 * r - 0.3313 * g + 0.5000 * b + 128);
        rows[2][x] = component(0.5000 * r - 0.4187 * g - 0.0813 * b + 128);
      }
      for (int plane = 0; plane < 3; plane++) {
        packBits(rows[plane], segments[plane]);
      }
    }
    byte[][] encoded = new byte[3][];
    for (int plane = 0; plane < 3; plane++) {
      if (segments[plane].size() % 2 != 0) {
        segments[plane].write(0);
      }
      encoded[plane] = segments[plane].toByteArray();
    }
    ByteArrayOutputStream frame = new ByteArrayOutputStream(
        HEADER_BYTES + encoded[0].length + encoded[1].length + encoded[2].length);
    writeLittleEndian(frame, encoded.length);
    int offset = HEADER_BYTES;
    for (int i = 0; i < 15; i++) {
      writeLittleEndian(frame, i < encoded.length ? offset : 0);
      offset += i < encoded.length ? encoded[i].length : 0;
    }
    for (byte[] segment : encoded) {
      frame.writeBytes(segment);
    }
    return frame.toByteArray();
  }

  private static byte component(double value) {
    return (byte) Math.max(0, Math.min(255, Math.round(value)));
  }

  /** One row in PackBits runs: {@code −(n − 1), b} for n equal bytes, {@code n − 1, b1…bn} for literals. */
  static void packBits(byte[] row, ByteArrayOutputStream out) {
    int i = 0;
    while (i < row.length) {
      int run = 1;
      while (i + run < row.length && run < MAX_RUN && row[i + run] == row[i]) {
        run++;
      }
      if (run >= 3) {
        out.write(1 - run);
        out.write(row[i]);
        i += run;
        continue;
      }
      int end = i;
      while (end < row.length && end - i < MAX_RUN && !startsRunOfThree(row, end)) {
        end++;
      }
      out.write(end - i - 1);
      out.write(row, i, end - i);
      i = end;
    }
  }

  private static boolean startsRunOfThree(byte[] row, int at) {
    return at + 2 < row.length && row[at] == row[at + 1] && row[at] == row[at + 2];
  }

  private static void writeLittleEndian(ByteArrayOutputStream out, int value) {
    out.write(value);
    out.write(value >> 8);
    out.write(value >> 16);
    out.write(value >> 24);
  }
}
