package org.latentcadx.sdk.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.CompressedFrameDecoder;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;

/**
 * Turns a Pixel Data attribute into stored pixel values: decompressed when needed, reduced to the Bits
 * Stored ending at High Bit (other bits, e.g. overlays, are dropped), sign-extended when Pixel
 * Representation is signed.
 */
final class StoredPixels {

  private StoredPixels() {}

  /** The stored values, row-major, {@code rows × columns} of them. */
  static int[] decode(Attribute pixelData, ImageHeader header, TransferSyntaxes.Entry syntax,
      Duration decodeTimeout, String source) throws LatentCadxException {
    int count = header.rows() * header.columns();
    int[] raw = syntax.codec() == TransferSyntaxes.Codec.NATIVE
        ? nativeValues(pixelData, header, count, source)
        : decompressed(pixelData, header, syntax, decodeTimeout, source);
    // Native and RLE data keep the stored bits where High Bit puts them; JPEG decoders return them
    // right-aligned.
    boolean alignedByHighBit = syntax.codec() == TransferSyntaxes.Codec.NATIVE
        || syntax.codec() == TransferSyntaxes.Codec.RLE;
    int shift = alignedByHighBit ? header.highBit() + 1 - header.bitsStored() : 0;
    int mask = (1 << header.bitsStored()) - 1;
    int signBit = 1 << (header.bitsStored() - 1);
    // A lossy JPEG (2000) code stream may decode to values beyond Bits Stored (overshoot at edges):
    // clamp them to the largest stored value instead of letting the mask wrap them to near 0.
    boolean clampOvershoot = !alignedByHighBit && !header.signed();
    for (int i = 0; i < count; i++) {
      int value = clampOvershoot ? Math.min(raw[i], mask) : (raw[i] >>> shift) & mask;
      raw[i] = header.signed() && (value & signBit) != 0 ? value - (mask + 1) : value;
    }
    return raw;
  }

  private static int[] nativeValues(Attribute pixelData, ImageHeader header, int count, String source)
      throws LatentCadxException {
    int[] values = new int[count];
    try {
      if (header.bitsAllocated() == 16) {
        short[] words = pixelData.getShortValues();
        requireAtLeast(words.length, count, source);
        for (int i = 0; i < count; i++) {
          values[i] = words[i] & 0xFFFF;
        }
      } else {
        byte[] bytes = pixelData.getByteValues();
        requireAtLeast(bytes.length, count, source);
        for (int i = 0; i < count; i++) {
          values[i] = bytes[i] & 0xFF;
        }
      }
    } catch (DicomException e) {
      throw new LatentCadxException(ErrorCode.CORRUPT_INPUT,
          source + ": cannot read the Pixel Data values: " + FailureText.of(e), e);
    }
    return values;
  }

  private static void requireAtLeast(int have, int need, String source) throws LatentCadxException {
    if (have < need) {
      throw new LatentCadxException(ErrorCode.CORRUPT_INPUT,
          source + ": Pixel Data holds " + have + " values; Rows x Columns needs " + need);
    }
  }

  private static int[] decompressed(Attribute pixelData, ImageHeader header,
      TransferSyntaxes.Entry syntax, Duration decodeTimeout, String source) throws LatentCadxException {
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
    int[] values = raster.getSamples(0, 0, header.columns(), header.rows(), 0,
        new int[header.rows() * header.columns()]);
    int bits = header.bitsAllocated();
    for (int i = 0; i < values.length; i++) {
      values[i] &= (1 << bits) - 1;
    }
    return values;
  }

  /** A frame decoded by PixelMed's frame decoder (JPEG, RLE, and lossless JPEG without TwelveMonkeys). */
  private static BufferedImage pixelMedFrame(TransferSyntaxes.Entry syntax, byte[][] frames, ImageHeader header)
      throws Exception {
    return new CompressedFrameDecoder(syntax.uid(), frames, header.bitsAllocated() / 8,
        header.columns(), header.rows(), 1, null).getDecompressedFrameAsBufferedImage(0);
  }
}
