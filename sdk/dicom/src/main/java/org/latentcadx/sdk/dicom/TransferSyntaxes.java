package org.latentcadx.sdk.dicom;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;

/**
 * The transfer syntaxes the reader knows, with how (and whether) their pixel data are decoded. This table
 * is the list published in {@code sdk/dicom/README.md}.
 */
final class TransferSyntaxes {

  static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
  static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
  static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";

  /** How pixel data in a transfer syntax are decoded. */
  enum Codec {
    /** Uncompressed pixel data, read as words or bytes. */
    NATIVE(null, null),
    /** PixelMed's own RLE decoder. */
    RLE(null, null),
    /** The JDK's JPEG ImageIO reader: 8-bit samples only. */
    JPEG_8_BIT("jpeg", "the JDK"),
    /** PixelMed's JPEG lossless ImageIO reader (com.pixelmed:pixelmed-imageio). */
    JPEG_LOSSLESS("jpeg-lossless", "com.pixelmed:pixelmed-imageio"),
    /** The JAI ImageIO JPEG 2000 reader (com.github.jai-imageio:jai-imageio-jpeg2000). */
    JPEG_2000("jpeg2000", "com.github.jai-imageio:jai-imageio-jpeg2000"),
    /** No decoder is available in Java here. */
    NONE(null, null);

    private final String imageIoFormat;
    private final String provider;

    Codec(String imageIoFormat, String provider) {
      this.imageIoFormat = imageIoFormat;
      this.provider = provider;
    }
  }

  /** One transfer syntax. */
  record Entry(String uid, String name, Codec codec, boolean deflated) {

    /** Throws UNSUPPORTED_FORMAT, naming this syntax, unless its pixels can be decoded here. */
    void requireDecodable(int bitsAllocated, String source) throws LatentCadxException {
      if (codec == Codec.NONE) {
        throw unsupported(source, "no Java decoder is available for it");
      }
      if (codec == Codec.JPEG_8_BIT && bitsAllocated != 8) {
        throw unsupported(source,
            "the available JPEG decoder reads 8-bit samples only, this image has " + bitsAllocated
                + " bits allocated");
      }
      if (codec.imageIoFormat != null
          && !ImageIO.getImageReadersByFormatName(codec.imageIoFormat).hasNext()) {
        throw unsupported(source, "its decoder " + codec.provider + " is not on the classpath");
      }
    }

    /** True when a decoder for this syntax is available (for JPEG baseline: for 8-bit samples). */
    boolean isDecodable() {
      return codec != Codec.NONE
          && (codec.imageIoFormat == null || ImageIO.getImageReadersByFormatName(codec.imageIoFormat).hasNext());
    }

    private LatentCadxException unsupported(String source, String why) {
      return new LatentCadxException(ErrorCode.UNSUPPORTED_FORMAT,
          source + ": transfer syntax " + uid + " (" + name + ") is not supported: " + why);
    }
  }

  private static final List<Entry> ENTRIES = List.of(
      new Entry(IMPLICIT_VR_LITTLE_ENDIAN, "Implicit VR Little Endian", Codec.NATIVE, false),
      new Entry(EXPLICIT_VR_LITTLE_ENDIAN, "Explicit VR Little Endian", Codec.NATIVE, false),
      new Entry("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", Codec.NATIVE, true),
      new Entry(EXPLICIT_VR_BIG_ENDIAN, "Explicit VR Big Endian", Codec.NATIVE, false),
      new Entry("1.2.840.10008.1.2.5", "RLE Lossless", Codec.RLE, false),
      new Entry("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", Codec.JPEG_8_BIT, false),
      new Entry("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", Codec.JPEG_8_BIT, false),
      new Entry("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)",
          Codec.JPEG_LOSSLESS, false),
      new Entry("1.2.840.10008.1.2.4.70",
          "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14, Selection Value 1)",
          Codec.JPEG_LOSSLESS, false),
      new Entry("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression", Codec.NONE, false),
      new Entry("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression",
          Codec.NONE, false),
      new Entry("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)",
          Codec.JPEG_2000, false),
      new Entry("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression", Codec.JPEG_2000, false),
      new Entry("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Image Compression "
          + "(Lossless Only)", Codec.NONE, false),
      new Entry("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component Image Compression",
          Codec.NONE, false),
      new Entry("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression "
          + "(Lossless Only)", Codec.NONE, false),
      new Entry("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression",
          Codec.NONE, false));

  private static final Map<String, Entry> BY_UID =
      ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::uid, Function.identity()));

  private TransferSyntaxes() {}

  /** The UIDs of the syntaxes whose pixel data can be decoded here (see {@link Entry#isDecodable}). */
  static List<String> decodable() {
    return ENTRIES.stream().filter(Entry::isDecodable).map(Entry::uid).toList();
  }

  /** The entry for a UID; UNSUPPORTED_FORMAT naming the UID when the reader does not know it. */
  static Entry lookUp(String uid, String source) throws LatentCadxException {
    Entry entry = BY_UID.get(uid);
    if (entry == null) {
      throw new LatentCadxException(ErrorCode.UNSUPPORTED_FORMAT,
          source + ": transfer syntax " + ShownValue.of(uid) + " is not supported (not an image"
              + " transfer syntax this reader knows; see sdk/dicom/README.md for the supported list)");
    }
    return entry;
  }
}
