package org.latentcadx.sdk.dicom;

import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;

/**
 * Reads the image size declared inside a JPEG or JPEG 2000 code stream, so that a frame whose code
 * stream disagrees with the DICOM Rows and Columns is refused before a decoder allocates for it.
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
      default -> null;
    };
    if (size != null && (size.width != columns || size.height != rows || size.components != 1)) {
      throw new LatentCadxException(ErrorCode.CORRUPT_INPUT,
          source + ": compressed frame declares " + size.width + " x " + size.height + " pixels with "
              + size.components + " components; the DICOM header says " + columns + " x " + rows
              + " with 1");
    }
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
