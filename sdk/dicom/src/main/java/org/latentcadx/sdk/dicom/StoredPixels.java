package org.latentcadx.sdk.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.CompressedFrameDecoder;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferShort;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;

/**
 * Turns Pixel Data into stored pixel values: decompressed when needed, reduced to the Bits
 * Stored ending at High Bit (other bits, e.g. overlays, are dropped), sign-extended when Pixel
 * Representation is signed.
 */
final class StoredPixels {

  private StoredPixels() {}

  /**
   * The stored values of native Pixel Data, read straight from the data set's bytes (the structure scan
   * checked its offset and length): row-major, {@code rows × columns} of them, as 16-bit words, two's
   * complement when {@link ImageHeader#signed()}, else unsigned ({@code value & 0xFFFF}).
   */
  static short[] ofNative(byte[] data, int offset, boolean bigEndian, ImageHeader header) {
    StoredValue stored = new StoredValue(header, true);
    short[] values = new short[header.rows() * header.columns()];
    if (header.bitsAllocated() == 16) {
      ByteBuffer.wrap(data, offset, 2 * values.length)
          .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
          .asShortBuffer()
          .get(values);
      stored.reduceInPlace(values, 0xFFFF);
    } else {
      for (int i = 0; i < values.length; i++) {
        values[i] = (short) stored.of(data[offset + i] & 0xFF);
      }
    }
    return values;
  }

  /** The stored values of encapsulated Pixel Data, decompressed; as {@link #ofNative}. */
  static short[] ofEncapsulated(Attribute pixelData, ImageHeader header, TransferSyntaxes.Entry syntax,
      Duration decodeTimeout, String source) throws LatentCadxException {
    // RLE data keeps the stored bits where High Bit puts them, as native data does; JPEG decoders return
    // them right-aligned.
    return decompressed(pixelData, header, syntax, decodeTimeout,
        new StoredValue(header, syntax.codec() == TransferSyntaxes.Codec.RLE), source);
  }

  /**
   * Raw sample to stored value: the Bits Stored ending at High Bit when aligned by High Bit, else the low
   * Bits Stored; sign-extended when signed. A lossy JPEG (2000) code stream may decode to values beyond
   * Bits Stored (overshoot at edges): unsigned right-aligned values are clamped to the largest stored
   * value instead of letting the mask wrap them to near 0. A plain class rather than a lambda so that the
   * per-pixel loops over 24 million pixels compile to straight arithmetic.
   */
  private static final class StoredValue {
    private final int shift;
    private final int mask;
    private final int signBit;
    private final boolean signed;
    private final boolean clampOvershoot;

    StoredValue(ImageHeader header, boolean alignedByHighBit) {
      shift = alignedByHighBit ? header.highBit() + 1 - header.bitsStored() : 0;
      mask = (1 << header.bitsStored()) - 1;
      signBit = 1 << (header.bitsStored() - 1);
      signed = header.signed();
      clampOvershoot = !alignedByHighBit && !signed;
    }

    int of(int raw) {
      int value = clampOvershoot ? Math.min(raw, mask) : (raw >>> shift) & mask;
      return signed && (value & signBit) != 0 ? value - (mask + 1) : value;
    }

    /**
     * Each word (its low {@code rawMask} bits a raw sample) replaced by its stored value; nothing to do
     * when every word already is its stored value (unsigned, all bits stored, e.g. a 16-bit JPEG 2000).
     */
    void reduceInPlace(short[] words, int rawMask) {
      boolean identity = !signed && shift == 0 && mask == 0xFFFF && rawMask == 0xFFFF;
      if (identity) {
        return;
      }
      for (int i = 0; i < words.length; i++) {
        words[i] = (short) of(words[i] & rawMask);
      }
    }
  }

  private static short[] decompressed(Attribute pixelData, ImageHeader header,
      TransferSyntaxes.Entry syntax, Duration decodeTimeout, StoredValue stored, String source)
      throws LatentCadxException {
    if (!(pixelData instanceof OtherByteAttributeMultipleCompressedFrames compressed)) {
      throw new LatentCadxException(ErrorCode.CORRUPT_INPUT,
          source + ": transfer syntax " + syntax.uid() + " needs encapsulated Pixel Data, found native");
    }
    byte[][] frames = compressed.getFrames();
    if (frames == null || frames.length != 1) {
      throw new LatentCadxException(ErrorCode.CORRUPT_INPUT, source + ": encapsulated Pixel Data holds "
          + (frames == null ? 0 : frames.length) + " frames; a single-frame image needs 1");
    }
    CompressedFrameHeader.requireSize(frames[0], syntax.codec(), header.columns(), header.rows(), source);
    BufferedImage image;
    try {
      image = DecodeDeadline.call(
          () -> switch (syntax.codec()) {
            case JPEG_2000 -> Jpeg2000Frame.decode(frames[0]);
            case JPEG_LOSSLESS -> {
              java.util.Optional<BufferedImage> fast = JpegLosslessFrame.decode(frames[0]);
              yield fast.isPresent() ? fast.get() : pixelMedFrame(syntax, frames, header);
            }
            default -> pixelMedFrame(syntax, frames, header);
          },
          decodeTimeout, source, syntax.name() + " frame");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      throw new LatentCadxException(ErrorCode.CORRUPT_INPUT,
          source + ": cannot decode the " + syntax.name() + " frame: " + FailureText.of(cause), cause);
    }
    if (image == null || image.getWidth() != header.columns() || image.getHeight() != header.rows()
        || image.getRaster().getNumBands() != 1) {
      throw new LatentCadxException(ErrorCode.CORRUPT_INPUT, source + ": the " + syntax.name()
          + " frame decodes to " + (image == null ? "nothing" : image.getWidth() + " x "
          + image.getHeight() + " with " + image.getRaster().getNumBands() + " bands")
          + "; the DICOM header says " + header.columns() + " x " + header.rows() + " grey levels");
    }
    Raster raster = image.getRaster();
    int allocatedMask = (1 << header.bitsAllocated()) - 1;
    short[] words = wordsOf(raster);
    if (words != null) {
      // The decoder's own array, reduced in place: no second copy of the image.
      stored.reduceInPlace(words, allocatedMask);
      return words;
    }
    int width = header.columns();
    short[] values = new short[header.rows() * width];
    int[] row = new int[width];
    for (int y = 0; y < header.rows(); y++) {
      raster.getSamples(0, y, width, 1, 0, row);
      for (int x = 0; x < width; x++) {
        values[y * width + x] = (short) stored.of(row[x] & allocatedMask);
      }
    }
    return values;
  }

  /**
   * The raster's 16-bit sample array when it holds exactly the raster's pixels, one per element, row by
   * row (the usual layout of a decoded grey frame); else null.
   */
  private static short[] wordsOf(Raster raster) {
    DataBuffer buffer = raster.getDataBuffer();
    if (buffer.getNumBanks() != 1 || buffer.getOffset() != 0
        || !(raster.getSampleModel() instanceof ComponentSampleModel layout)
        || layout.getPixelStride() != 1 || layout.getScanlineStride() != raster.getWidth()
        || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
      return null;
    }
    short[] words = buffer instanceof DataBufferUShort u ? u.getData()
        : buffer instanceof DataBufferShort s ? s.getData() : null;
    return words != null && words.length == raster.getWidth() * raster.getHeight() ? words : null;
  }

  /** A frame decoded by PixelMed's frame decoder (JPEG, RLE, and lossless JPEG without TwelveMonkeys). */
  private static BufferedImage pixelMedFrame(TransferSyntaxes.Entry syntax, byte[][] frames, ImageHeader header)
      throws Exception {
    return new CompressedFrameDecoder(syntax.uid(), frames, header.bitsAllocated() / 8,
        header.columns(), header.rows(), 1, null).getDecompressedFrameAsBufferedImage(0);
  }
}
