package org.latentcadx.sdk.internal.image;

import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;

/**
 * Reads single-channel 8- or 16-bit grey PNG and TIFF files (the first image of a multi-page TIFF)
 * through ImageIO, refusing colour, palette and other bit depths.
 */
public final class GreyImageReader {

  /** The grey levels of an image file. */
  public record GreyPixels(int width, int height, float[] values, int bitsStored) {}

  /** Largest image possible: the pixels must fit one Java array. */
  private static final long ARRAY_LIMIT = Integer.MAX_VALUE - 8;

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private GreyImageReader() {}

  /**
   * @throws LatentCadxException {@code IO_ERROR} when the file is missing or unreadable, {@code
   *     UNSUPPORTED_FORMAT} when it is not a PNG/TIFF or not single-channel 8/16-bit grey, {@code
   *     CORRUPT_INPUT} when the decoder fails, {@code IMAGE_TOO_LARGE} when the header declares more
   *     than {@code maxPixels} pixels
   */
  public static GreyPixels read(Path file, long maxPixels) throws LatentCadxException {
    if (!Files.isRegularFile(file)) {
      throw new LatentCadxException(ErrorCode.IO_ERROR, file + ": no such image file");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new LatentCadxException(ErrorCode.IO_ERROR, file + ": cannot open the file");
      }
      String format = sniffFormat(in);
      Iterator<ImageReader> readers = format == null ? null : ImageIO.getImageReadersByFormatName(format);
      if (readers == null || !readers.hasNext()) {
        throw new LatentCadxException(
            ErrorCode.UNSUPPORTED_FORMAT, file + ": not a PNG or TIFF image; expected 8/16-bit grey PNG or TIFF");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return decode(file, reader, Math.min(maxPixels, ARRAY_LIMIT));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new LatentCadxException(
          ErrorCode.CORRUPT_INPUT, file + ": the image cannot be decoded (" + e + ")", e);
    }
  }

  /**
   * The format named by the file's signature ("png" or "tiff"), or null. Readers are chosen by name
   * rather than by asking every installed ImageIO plug-in, some of which (PixelMed's JPEG lossless
   * codec) print to the console whenever they are asked.
   */
  private static String sniffFormat(ImageInputStream in) throws IOException {
    byte[] head = new byte[8];
    in.mark();
    int read = in.read(head);
    in.reset();
    if (read >= 8 && Arrays.equals(head, PNG_SIGNATURE)) {
      return "png";
    }
    boolean intel = read >= 4 && head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0;
    boolean motorola = read >= 4 && head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42;
    return intel || motorola ? "tiff" : null;
  }

  private static GreyPixels decode(Path file, ImageReader reader, long maxPixels)
      throws IOException, LatentCadxException {
    long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
    if (pixels > maxPixels) {
      throw new LatentCadxException(
          ErrorCode.IMAGE_TOO_LARGE,
          file + ": " + reader.getWidth(0) + "x" + reader.getHeight(0) + " has more than " + maxPixels
              + " pixels");
    }
    var image = reader.read(0);
    Raster raster = image.getRaster();
    int bits = raster.getSampleModel().getSampleSize(0);
    boolean grey =
        raster.getNumBands() == 1
            && !(image.getColorModel() instanceof IndexColorModel)
            && (raster.getDataBuffer().getDataType() == DataBuffer.TYPE_BYTE
                || raster.getDataBuffer().getDataType() == DataBuffer.TYPE_USHORT)
            && (bits == 8 || bits == 16);
    if (!grey) {
      throw new LatentCadxException(
          ErrorCode.UNSUPPORTED_FORMAT,
          file + ": has " + raster.getNumBands() + " channel(s) of " + bits + " bits"
              + (image.getColorModel() instanceof IndexColorModel ? " with a palette" : "")
              + "; expected one grey channel of 8 or 16 bits");
    }
    float[] values = raster.getSamples(0, 0, raster.getWidth(), raster.getHeight(), 0, (float[]) null);
    return new GreyPixels(raster.getWidth(), raster.getHeight(), values, bits);
  }
}
