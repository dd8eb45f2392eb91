package org.latentcadx.sdk.dicom;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a JPEG 2000 code stream with the Grok library (Debian's {@code libgrokj2k1}, version 10) when
 * the process asks for it and it is installed: native code, no JIT warm-up, about twice as fast per core
 * as JJ2000 once warm and several times faster in a short run (docs/PERFORMANCE.md); its pixels equal
 * OpenJPEG's. Grok is not bundled and is licensed under the AGPL 3.0, so the SDK uses it only when the
 * system property {@link DicomReader#JPEG2000_DECODER_PROPERTY} is {@code grok}; the default is JJ2000.
 *
 * <p>Grok's C structures are read at the offsets its 10.x header gives on 64-bit Linux (LP64); any other
 * version or platform is not used. Grok decodes on one thread of its own per process (the caller's
 * decoding jobs give the parallelism, within the one CPU budget). Thread-safe.
 */
final class GrokJpeg2000 {
  private static final Logger LOG = LoggerFactory.getLogger(GrokJpeg2000.class);

  // grok.h 10.x on LP64: sizes and offsets (checked with offsetof against Debian's libgrokj2k1-dev).
  private static final int HEADER_INFO_SIZE = 11_384;
  private static final int CORE_PARAMS_SIZE = 40;
  private static final int STREAM_PARAMS_SIZE = 24;
  private static final int STREAM_BUF = 8;
  private static final int STREAM_LEN = 16;
  private static final int IMAGE_NUMCOMPS = 24;
  private static final int IMAGE_COMPS = 184;
  private static final int COMP_W = 8;
  private static final int COMP_STRIDE = 12;
  private static final int COMP_H = 16;
  private static final int COMP_PREC = 22;
  private static final int COMP_DATA = 40;

  /** The functions of grok.h that a decode needs. C {@code bool} results are read as one byte. */
  interface Grok extends Library {
    String grk_version();

    void grk_initialize(String pluginPath, int numThreads);

    void grk_decompress_set_default_params(Pointer coreParams);

    Pointer grk_decompress_init(Pointer streamParams, Pointer coreParams);

    byte grk_decompress_read_header(Pointer codec, Pointer headerInfo);

    byte grk_decompress(Pointer codec, Pointer pluginTile);

    Pointer grk_decompress_get_composited_image(Pointer codec);

    void grk_object_unref(Pointer object);
  }

  /** Loaded on first use. */
  private static final class Installed {
    static final Grok GROK = load();
    static final String VERSION = GROK == null ? "" : GROK.grk_version();
  }

  private GrokJpeg2000() {}

  /** Whether the process asks for Grok and it is installed. */
  static boolean enabled() {
    return "grok".equalsIgnoreCase(System.getProperty(DicomReader.JPEG2000_DECODER_PROPERTY))
        && installed();
  }

  /** Whether Grok is installed in a version whose structures this class reads. */
  static boolean installed() {
    return Installed.GROK != null;
  }

  /** The installed Grok's version, e.g. {@code 10.0.5}; empty when it is not {@link #installed()}. */
  static String version() {
    return Installed.VERSION;
  }

  /**
   * The decoded grey frame of at most 16 bits, or empty when Grok is not installed, cannot decode the
   * stream or decodes something else (the caller then tries JJ2000, whose result the DICOM checks
   * judge). Values are Grok's, right-aligned: for a signed image the two's complement 16-bit words.
   */
  static Optional<BufferedImage> decode(byte[] codeStream) {
    Grok grok = Installed.GROK;
    if (grok == null) {
      return Optional.empty();
    }
    try (Memory data = new Memory(codeStream.length);
        Memory stream = zeroed(STREAM_PARAMS_SIZE);
        Memory parameters = zeroed(CORE_PARAMS_SIZE);
        Memory header = zeroed(HEADER_INFO_SIZE)) {
      data.write(0, codeStream, 0, codeStream.length);
      stream.setPointer(STREAM_BUF, data);
      stream.setLong(STREAM_LEN, codeStream.length);
      grok.grk_decompress_set_default_params(parameters);
      Pointer codec = grok.grk_decompress_init(stream, parameters);
      if (codec == null) {
        return Optional.empty();
      }
      try {
        if (grok.grk_decompress_read_header(codec, header) == 0
            || grok.grk_decompress(codec, null) == 0) {
          return Optional.empty();
        }
        return greyImage(grok.grk_decompress_get_composited_image(codec));
      } finally {
        grok.grk_object_unref(codec);
      }
    }
  }

  private static Optional<BufferedImage> greyImage(Pointer image) {
    if (image == null) {
      return Optional.empty();
    }
    if ((image.getShort(IMAGE_NUMCOMPS) & 0xFFFF) != 1) {
      return Optional.empty();
    }
    Pointer component = image.getPointer(IMAGE_COMPS);
    int width = component.getInt(COMP_W);
    int height = component.getInt(COMP_H);
    int stride = component.getInt(COMP_STRIDE);
    int precision = component.getByte(COMP_PREC) & 0xFF;
    Pointer samples = component.getPointer(COMP_DATA);
    if (precision > 16 || samples == null || width <= 0 || height <= 0 || stride < width
        || (long) width * height > Integer.MAX_VALUE) {
      return Optional.empty();
    }
    BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
    short[] words = ((DataBufferUShort) grey.getRaster().getDataBuffer()).getData();
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      samples.read(4L * y * stride, row, 0, width);
      int start = y * width;
      for (int x = 0; x < width; x++) {
        words[start + x] = (short) row[x];
      }
    }
    return Optional.of(grey);
  }

  private static Memory zeroed(int size) {
    Memory memory = new Memory(size);
    memory.clear();
    return memory;
  }

  private static Grok load() {
    if (!"Linux".equals(System.getProperty("os.name")) || Native.POINTER_SIZE != 8) {
      return null;
    }
    try {
      Grok grok = Native.load("libgrokj2k.so.1", Grok.class);
      String version = grok.grk_version();
      if (version == null || !version.startsWith("10.")) {
        LOG.info("JPEG 2000: Grok {} found, but only 10.x is supported; decoding with JJ2000", version);
        return null;
      }
      // Its result says whether the optional (GPU) plug-in loaded; the CPU decoder is there either way.
      grok.grk_initialize(null, 1);
      LOG.debug("JPEG 2000: Grok {}", version);
      return grok;
    } catch (LinkageError | RuntimeException e) {
      LOG.debug("JPEG 2000: Grok (libgrokj2k1) not installed ({}); decoding with JJ2000", e.getMessage());
      return null;
    }
  }
}
