package org.latentcadx.sdk.internal.image;

import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.latentcadx.sdk.ImageFile;
import org.latentcadx.sdk.ImageFiles;
import org.latentcadx.sdk.ImageMetadata;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.spi.ImageFormat;

/**
 * The built-in formats: single-channel 8- or 16-bit grey PNG and TIFF (the first image of a multi-page
 * TIFF), read through ImageIO, refusing colour, palette and other bit depths. The metadata records the
 * file name as source and the sample depth as bits stored; spacing, laterality and view are unknown.
 */
public final class GreyImageFormat implements ImageFormat {

  /** PNG: the PNG signature, or a {@code .png} name. */
  public static final GreyImageFormat PNG =
      new GreyImageFormat("PNG", "png", Set.of(".png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});

  /** TIFF: {@code II*\0} or {@code MM\0*}, or a {@code .tif}/{@code .tiff} name. */
  public static final GreyImageFormat TIFF =
      new GreyImageFormat("TIFF", "tiff", Set.of(".tif", ".tiff"), new byte[] {'I', 'I', 42, 0}, new byte[] {'M', 'M', 0, 42});

  /** Largest image possible: the pixels must fit one Java array. */
  private static final long ARRAY_LIMIT = Integer.MAX_VALUE - 8;

  private final String name;
  private final String imageIoName;
  private final Set<String> extensions;
  private final byte[][] signatures;

  private GreyImageFormat(String name, String imageIoName, Set<String> extensions, byte[]... signatures) {
    this.name = name;
    this.imageIoName = imageIoName;
    this.extensions = extensions;
    this.signatures = signatures;
  }

  /** A read image: grey levels and metadata. */
  private record GreyImage(MammogramImage image, String format) implements ImageFile {}

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean recognizes(byte[] head) {
    for (byte[] signature : signatures) {
      if (head.length >= signature.length && Arrays.equals(head, 0, signature.length, signature, 0, signature.length)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean claimsName(String lowerCaseFileName) {
    return extensions.stream().anyMatch(lowerCaseFileName::endsWith);
  }

  /**
   * @throws LatentCadxException {@code IO_ERROR} when the file cannot be opened, {@code
   *     UNSUPPORTED_FORMAT} when it is not single-channel 8/16-bit grey, {@code CORRUPT_INPUT} when the
   *     decoder fails, {@code IMAGE_TOO_LARGE} when the header declares more than {@code maxPixels}
   */
  @Override
  public ImageFile read(Path file, long maxPixels) throws LatentCadxException {
    return withReader(file, reader -> decode(file, reader, Math.min(maxPixels, ARRAY_LIMIT)));
  }

  @Override
  public ImageFiles.Dimensions dimensions(Path file) throws LatentCadxException {
    return withReader(file, reader -> new ImageFiles.Dimensions(reader.getWidth(0), reader.getHeight(0)));
  }

  /** Work with an ImageIO reader positioned on the file. */
  private interface ReaderTask<T> {
    T run(ImageReader reader) throws IOException, LatentCadxException;
  }

  /**
   * Readers are chosen by name rather than by asking every installed ImageIO plug-in, some of which
   * (PixelMed's JPEG lossless codec) print to the console whenever they are asked.
   */
  private <T> T withReader(Path file, ReaderTask<T> task) throws LatentCadxException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new LatentCadxException(ErrorCode.IO_ERROR, file + ": cannot open the file");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(imageIoName);
      if (!readers.hasNext()) {
        throw new LatentCadxException(ErrorCode.UNSUPPORTED_FORMAT, file + ": no " + name + " reader in this Java runtime");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return task.run(reader);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new LatentCadxException(
          ErrorCode.CORRUPT_INPUT, file + ": the " + name + " image cannot be decoded (" + e + ")", e);
    }
  }

  private GreyImage decode(Path file, ImageReader reader, long maxPixels)
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
    int width = raster.getWidth();
    int height = raster.getHeight();
    short[] values = new short[Math.multiplyExact(width, height)];
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      raster.getSamples(0, y, width, 1, 0, row);
      for (int x = 0; x < width; x++) {
        values[y * width + x] = (short) row[x];
      }
    }
    ImageMetadata metadata = ImageMetadata.of(file.toString()).withBitsStored(bits);
    return new GreyImage(MammogramImage.ofShorts(width, height, values, false, metadata), name);
  }
}
