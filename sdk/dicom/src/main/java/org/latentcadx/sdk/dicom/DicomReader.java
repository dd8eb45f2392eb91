package org.latentcadx.sdk.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.latentcadx.sdk.ImageFiles;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.MammogramImage;

/**
 * Reads single-frame grey-level DICOM images (mammography, digital X-ray, secondary capture) into a
 * {@link DicomImage}: DICOM files through {@link org.latentcadx.sdk.ImageFiles} (this artifact installs
 * the DICOM format there), DICOM content held in memory here, with a pixel bound and a decode time limit
 * of the caller's choice. The transfer syntaxes read and the pixel semantics are listed in {@code
 * sdk/dicom/README.md}; in short, the grey levels are the Modality LUT output (Rescale Slope/Intercept applied)
 * with MONOCHROME1 inverted so that larger is denser, padding pixels (Pixel Padding Value) set to the
 * least dense level, and no VOI LUT or window is applied.
 *
 * <p>Every failure is a {@link LatentCadxException} naming the file and the problem: UNSUPPORTED_FORMAT
 * (transfer syntax, SOP class, multi-frame, colour),
 * CORRUPT_INPUT (not DICOM, truncated, impossible lengths, pixel data disagreeing with the header),
 * IMAGE_TOO_LARGE (above the configured bound, checked before the pixels are read) or IO_ERROR.
 * Instances are immutable and thread-safe.
 */
public final class DicomReader {

  private static final long HEADER_ALLOWANCE_BYTES = 16L << 20;
  private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

  /** The largest pixel bound: a 16-bit image of this many pixels plus its header fills a Java array. */
  public static final long LARGEST_BOUND = (MAX_ARRAY_BYTES - HEADER_ALLOWANCE_BYTES) / 2;

  /**
   * The system property that chooses the JPEG 2000 decoder for the whole process: {@code jj2000} (the
   * default: JJ2000, pure Java) or {@code grok}: the native Grok library (Debian's {@code libgrokj2k1}
   * 10.x, not bundled, AGPL 3.0) when it is installed on 64-bit Linux, JJ2000 otherwise and for any
   * stream Grok cannot decode. Grok is several times faster in a short run and its pixels equal
   * OpenJPEG's; lossy streams may differ from JJ2000's by a grey level at some pixels. The {@code
   * latentcadx} command sets {@code grok} unless the property is given.
   */
  public static final String JPEG2000_DECODER_PROPERTY = "latentcadx.jpeg2000";

  /**
   * The JPEG 2000 decoder this process uses, as {@link #JPEG2000_DECODER_PROPERTY} and the installed
   * libraries decide: {@code "Grok 10.0.5"} (JJ2000 for what Grok cannot decode) or {@code "JJ2000"}.
   */
  public static String jpeg2000Decoder() {
    return GrokJpeg2000.enabled() ? "Grok " + GrokJpeg2000.version() : "JJ2000";
  }

  /**
   * The default time one compressed frame may take to decode: generous, since the pure-Java JPEG lossless
   * and JPEG 2000 decoders take about 12 s for a 13.6-megapixel mammogram on a busy 2-core machine.
   */
  public static final Duration DEFAULT_DECODE_TIMEOUT = Duration.ofMinutes(5);

  private final long maxPixels;
  private final Duration decodeTimeout;

  private DicomReader(long maxPixels, Duration decodeTimeout) {
    this.maxPixels = maxPixels;
    this.decodeTimeout = decodeTimeout;
  }

  /** A reader bounded at {@link MammogramImage#DEFAULT_MAX_PIXELS} and {@link #DEFAULT_DECODE_TIMEOUT}. */
  public static DicomReader create() {
    return new DicomReader(MammogramImage.DEFAULT_MAX_PIXELS, DEFAULT_DECODE_TIMEOUT);
  }

  /**
   * A copy that refuses images of more than {@code maxPixels} pixels (and files or deflated data sets
   * larger than such an image at 16 bits plus 16 MiB of header) with IMAGE_TOO_LARGE.
   */
  public DicomReader withMaxPixels(long maxPixels) {
    if (maxPixels <= 0 || maxPixels > LARGEST_BOUND) {
      throw new IllegalArgumentException("maxPixels must be in [1, "
          + LARGEST_BOUND + "], got " + maxPixels);
    }
    return new DicomReader(maxPixels, decodeTimeout);
  }

  /**
   * A copy that gives up on a compressed frame (CORRUPT_INPUT) when its decoder runs longer than {@code
   * timeout}: some third-party decoders loop forever on hostile code streams.
   */
  public DicomReader withDecodeTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("decode timeout must be positive, got " + timeout);
    }
    return new DicomReader(maxPixels, timeout);
  }

  /**
   * Reads a DICOM file (Part 10, or a bare data set where the encoding can be recognised). Applications
   * read files through {@link org.latentcadx.sdk.ImageFiles}, which comes here with this reader's
   * defaults and the caller's pixel bound.
   */
  DicomImage read(Path file) throws LatentCadxException {
    return DicomImageDecoder.decode(content(file), file.toString(), maxPixels, maxBytes(), decodeTimeout);
  }

  /** The image size of a DICOM file, from its checked header; Pixel Data is not decoded. */
  ImageFiles.Dimensions dimensions(Path file) throws LatentCadxException {
    ImageHeader header = DicomImageDecoder.header(content(file), file.toString(), maxPixels, maxBytes());
    return new ImageFiles.Dimensions(header.columns(), header.rows());
  }

  private byte[] content(Path file) throws LatentCadxException {
    String source = file.toString();
    try {
      long size = Files.size(file);
      if (size > maxBytes()) {
        throw new LatentCadxException(ErrorCode.IMAGE_TOO_LARGE, source + ": file of " + size
            + " bytes exceeds the bound of " + maxBytes() + " bytes for images of at most " + maxPixels
            + " pixels");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new LatentCadxException(ErrorCode.IO_ERROR, source + ": no such file", e);
    } catch (IOException e) {
      throw new LatentCadxException(ErrorCode.IO_ERROR, source + ": cannot read: " + FailureText.of(e), e);
    }
  }

  /**
   * Reads DICOM content held in memory.
   *
   * @param sourceName names the content in metadata and error messages
   */
  public DicomImage read(byte[] content, String sourceName) throws LatentCadxException {
    if (content.length > maxBytes()) {
      throw new LatentCadxException(ErrorCode.IMAGE_TOO_LARGE, sourceName + ": " + content.length
          + " bytes exceed the bound of " + maxBytes() + " bytes");
    }
    return DicomImageDecoder.decode(content, sourceName, maxPixels, maxBytes(), decodeTimeout);
  }

  /**
   * The SOP classes whose images the reader accepts (single-frame mammography, digital X-ray, CR and
   * grey-level secondary capture), e.g. for a Storage SCP's presentation-context negotiation.
   */
  public static Set<String> readableSopClasses() {
    return ImageHeader.READABLE_SOP_CLASSES;
  }

  /**
   * The transfer syntaxes whose pixel data can be decoded here, most widely supported first: the
   * native encodings, then the compressed ones whose decoder is on the classpath. (Baseline JPEG is
   * listed, but decodes 8-bit images only.)
   */
  public static List<String> decodableTransferSyntaxes() {
    return TransferSyntaxes.decodable();
  }

  private long maxBytes() {
    return maxPixels * 2 + HEADER_ALLOWANCE_BYTES;
  }
}
