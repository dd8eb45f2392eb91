package org.latentcadx.sdk.dicom;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import jj2000.j2k.util.FacilityManager;
import jj2000.j2k.util.MsgLogger;
import jj2000.j2k.util.StreamMsgLogger;

/**
 * Decodes one JPEG 2000 code stream: with Grok when the process asks for it and it is installed
 * ({@link GrokJpeg2000}), else, or when Grok cannot decode it, with the JPEG 2000 ImageIO reader
 * (jai-imageio's JJ2000). JJ2000 is guarded against the two ways a hostile code stream makes JJ2000's packet-header reader spin forever: reading
 * on past the end of the data (a {@link GuardedImageInputStream} fails after a budget of end-of-stream
 * answers), and two 0xFF bytes in a row in the packet data (its bit-unstuffing then yields one bits
 * without reading again). JPEG 2000 forbids the latter (after 0xFF in packet data the next byte is below
 * 0x90, ISO/IEC 15444-1 Annex B.10.1 and C.1.3), so such a stream is refused before either decoder
 * sees it.
 */
final class Jpeg2000Frame {
  /** JJ2000's default message logger between decodes; its messages were never shown. */
  private static final MsgLogger QUIET =
      new StreamMsgLogger(OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), 78);

  private Jpeg2000Frame() {}

  /** The decoded frame; an IOException when the code stream is corrupt or no reader is installed. */
  static BufferedImage decode(byte[] codeStream) throws IOException {
    int at = doubledFfInPacketData(codeStream);
    if (at >= 0) {
      throw new IOException(
          "the JPEG 2000 code stream has two 0xFF bytes in a row in its packet data at byte " + at
              + ", which the standard forbids");
    }
    if (GrokJpeg2000.enabled()) {
      Optional<BufferedImage> decoded = GrokJpeg2000.decode(codeStream);
      if (decoded.isPresent()) {
        return decoded.get();
      }
    }
    return decodeWithJj2000(codeStream);
  }

  /** The frame as JJ2000 decodes it (the stream's packet data already checked). */
  static BufferedImage decodeWithJj2000(byte[] codeStream) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg2000");
    if (!readers.hasNext()) {
      throw new IOException("no JPEG 2000 decoder is installed (jai-imageio-jpeg2000)");
    }
    ImageReader reader = readers.next();
    try (GuardedImageInputStream in = new GuardedImageInputStream(codeStream)) {
      reader.setInput(in, true, true);
      return reader.read(0);
    } finally {
      reader.dispose();
      // Each reader makes itself JJ2000's static default message logger and keeps its decoding state
      // (a float copy of the image) after dispose(), so the last reader would hold that copy until the
      // next JPEG 2000 image. (Its reset() would drop the state but fails on a null input.)
      FacilityManager.registerMsgLogger(null, QUIET);
    }
  }

  private static final int SOT = 0xFF90;
  private static final int SOP = 0xFF91;
  private static final int EPH = 0xFF92;
  private static final int SOD = 0xFF93;
  private static final int EOC = 0xFFD9;

  /**
   * The offset of the first 0xFF 0xFF pair inside a tile part's packet data (between SOD and the end
   * of the tile part, SOP marker segments excepted), or −1 when there is none or when the stream's
   * marker structure cannot be followed (the decoder will then report what is wrong).
   */
  static int doubledFfInPacketData(byte[] s) {
    int p = 2; // after SOC
    // Main header and tile-part headers: marker segments with a length, until SOD.
    while (p + 4 <= s.length) {
      int marker = u16(s, p);
      if (marker == EOC) {
        return -1;
      }
      if ((marker & 0xFF00) != 0xFF00) {
        return -1;
      }
      int length = u16(s, p + 2);
      if (marker == SOT) {
        if (p + 10 > s.length) {
          return -1;
        }
        long tilePartLength = u32(s, p + 6);
        int tileEnd = tilePartLength == 0 ? s.length : (int) Math.min(s.length, p + tilePartLength);
        int q = p + 2 + length;
        while (q + 2 <= tileEnd && u16(s, q) != SOD) {
          if (q + 4 > tileEnd || (u16(s, q) & 0xFF00) != 0xFF00) {
            return -1;
          }
          q += 2 + u16(s, q + 2);
        }
        int found = doubledFf(s, q + 2, tileEnd);
        if (found >= 0) {
          return found;
        }
        if (tileEnd <= p) {
          return -1;
        }
        p = tileEnd;
        continue;
      }
      if (marker == SOD) {
        return -1;
      }
      p += 2 + length;
    }
    return -1;
  }

  private static int doubledFf(byte[] s, int from, int to) {
    for (int i = from; i + 1 < to; i++) {
      if ((s[i] & 0xFF) != 0xFF) {
        continue;
      }
      int next = s[i + 1] & 0xFF;
      if (next == 0xFF) {
        return i;
      }
      if ((0xFF00 | next) == SOP) {
        i += 5; // SOP marker segment: marker, Lsop = 4, Nsop (may hold 0xFF 0xFF)
      } else if ((0xFF00 | next) == EPH || (0xFF00 | next) == EOC) {
        i += 1;
      }
    }
    return -1;
  }

  private static int u16(byte[] s, int p) {
    return ((s[p] & 0xFF) << 8) | (s[p + 1] & 0xFF);
  }

  private static long u32(byte[] s, int p) {
    return ((long) u16(s, p) << 16) | u16(s, p + 2);
  }
}
