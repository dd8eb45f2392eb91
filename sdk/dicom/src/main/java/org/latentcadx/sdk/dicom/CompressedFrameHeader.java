package org.latentcadx.sdk.dicom;

import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;

/**
 * Reads the image size declared inside a JPEG or JPEG 2000 code stream, or the decoded length of
 * each RLE segment, so that a frame whose code stream disagrees with the DICOM Rows and Columns is
 * refused before a decoder allocates for it.
 */
final class CompressedFrameHeader {

  /** Width, height and component count declared by a code stream. */
  record Size(int width, int height, int components) {}

  private CompressedFrameHeader() {}

  /** Checks that the frame's own header declares {@code columns × rows} with one component. */
  static void requireSize(byte[] frame, TransferSyntaxes.Codec codec, int columns, int rows, String source)
      throws LatentCadxException {
    Size size = switch (codec) {
      case JPEG_8_BIT, JPEG_LOSSLESS -> jpeg(frame, source);
      case JPEG_2000 -> jpeg2000(frame, source);
      case RLE -> {
        requireRleSegments(frame, columns, rows, source);
        yield null;
      }
      default -> null;
    };
    if (size != null && (size.width != columns || size.height != rows || size.components != 1)) {
      throw new LatentCadxException(ErrorCode.CORRUPT_INPUT,
          source + ": compressed frame declares " + size.width + " x " + size.height + " pixels with "
              + size.components + " components; the DICOM header says " + columns + " x " + rows
              + " with 1");
    }
  }

  /**
   * Each segment of a DICOM RLE frame (PS3.5 Annex G: a 64-byte header with the segment count and 15
   * offsets, then PackBits-coded byte planes) must decode to one byte per pixel, Rows × Columns, with
   * at most one byte of padding.
   */
  static void requireRleSegments(byte[] frame, int columns, int rows, String source)
      throws LatentCadxException {
    if (frame.length < 64) {
      throw corrupt(source, "RLE frame is " + frame.length + " bytes, shorter than its 64-byte header");
    }
    int segments = (int) u32le(frame, 0);
    if (segments < 1 || segments > 15) {
      throw corrupt(source, "RLE frame declares " + segments + " segments; 1 to 15 are possible");
    }
    long pixels = (long) columns * rows;
    for (int k = 0; k < segments; k++) {
      long start = u32le(frame, 4 + 4 * k);
      long end = k + 1 < segments ? u32le(frame, 8 + 4 * k) : frame.length;
      if (start < 64 || end > frame.length || start > end) {
        throw corrupt(source, "RLE segment " + (k + 1) + " lies at bytes " + start + " to " + end
            + " of a " + frame.length + "-byte frame");
      }
      long decoded = packBitsLength(frame, (int) start, (int) end);
      if (decoded < pixels || decoded > pixels + 1) {
        throw corrupt(source, "RLE segment " + (k + 1) + " decodes to " + decoded + " bytes; "
            + columns + " x " + rows + " pixels need " + pixels);
      }
    }
  }

  /** The number of bytes a PackBits run from {@code start} to {@code end} decodes to. */
  private static long packBitsLength(byte[] data, int start, int end) {
    long length = 0;
    int position = start;
    while (position < end) {
      int header = data[position];
      if (header >= 0) {
        length += header + 1;
        position += header + 2;
      } else if (header != -128) {
        length += 1 - header;
        position += 2;
      } else {
        position++;
      }
    }
    return length;
  }

  private static long u32le(byte[] data, int position) {
    return (u8(data, position) | (u8(data, position + 1) << 8) | (u8(data, position + 2) << 16))
        + ((long) u8(data, position + 3) << 24);
  }

  /** The SOF segment of a JPEG (ISO 10918) code stream. */
  static Size jpeg(byte[] frame, String source) throws LatentCadxException {
    if (frame.length < 4 || u8(frame, 0) != 0xFF || u8(frame, 1) != 0xD8) {
      throw corrupt(source, "JPEG frame does not start with a start-of-image marker");
    }
    int position = 2;
    while (position + 4 <= frame.length) {
      if (u8(frame, position) != 0xFF) {
        throw corrupt(source, "JPEG frame has no marker at byte " + position);
      }
      int marker = u8(frame, position + 1);
      if (marker == 0xFF) {
        position++;
        continue;
      }
      int length = u16(frame, position + 2);
      boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF
          && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (startOfFrame) {
        if (position + 10 > frame.length) {
          break;
        }
        return new Size(u16(frame, position + 7), u16(frame, position + 5), u8(frame, position + 9));
      }
      if (length < 2) {
        throw corrupt(source, "JPEG frame has a marker segment of length " + length);
      }
      position += 2 + length;
    }
    throw corrupt(source, "JPEG frame has no start-of-frame segment");
  }

  /** The SIZ segment of a JPEG 2000 (ISO 15444-1) code stream. */
  static Size jpeg2000(byte[] frame, String source) throws LatentCadxException {
    if (frame.length < 42 || u16(frame, 0) != 0xFF4F || u16(frame, 2) != 0xFF51) {
      throw corrupt(source, "JPEG 2000 frame does not start with SOC and SIZ markers");
    }
    long width = u32(frame, 8) - u32(frame, 16);
    long height = u32(frame, 12) - u32(frame, 20);
    long tileWidth = u32(frame, 24);
    long tileHeight = u32(frame, 28);
    if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE
        || tileWidth == 0 || tileHeight == 0) {
      throw corrupt(source, "JPEG 2000 frame declares an invalid image or tile size");
    }
    return new Size((int) width, (int) height, u16(frame, 40));
  }

  private static int u8(byte[] bytes, int at) {
    return bytes[at] & 0xFF;
  }

  private static int u16(byte[] bytes, int at) {
    return (u8(bytes, at) << 8) | u8(bytes, at + 1);
  }

  private static long u32(byte[] bytes, int at) {
    return ((long) u16(bytes, at) << 16) | u16(bytes, at + 2);
  }

  private static LatentCadxException corrupt(String source, String problem) {
    return new LatentCadxException(ErrorCode.CORRUPT_INPUT, source + ": " + problem);
  }
}
