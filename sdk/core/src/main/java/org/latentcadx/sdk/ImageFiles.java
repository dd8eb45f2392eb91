package org.latentcadx.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.internal.image.GreyImageFormat;
import org.latentcadx.sdk.spi.ImageFormat;

/**
 * The one way from an image file to a {@link MammogramImage}: the format is recognised by the file's
 * first bytes, or by its name when no format recognises the content, and the file is read by that
 * format. PNG and TIFF (single-channel 8- or 16-bit grey) are built in; DICOM is read when the {@code
 * latentcadx-sdk-dicom} artifact is on the class or module path (see {@link ImageFormat}). Thread-safe.
 *
 * <pre>{@code
 * ImageFile file = ImageFiles.read(Path.of("image.dcm"));
 * DetectionResult result = detector.detect(file.image());
 * }</pre>
 */
public final class ImageFiles {

  /**
   * An image's size in pixels.
   *
   * @param width columns
   * @param height rows
   */
  public record Dimensions(int width, int height) {}

  private static final byte[] DICOM_MAGIC = {'D', 'I', 'C', 'M'};
  private static final int DICOM_MAGIC_OFFSET = 128;

  private ImageFiles() {}

  /** The installed formats, built-in ones first, loaded once. */
  private static final class Installed {
    static final List<ImageFormat> FORMATS = load();

    private static List<ImageFormat> load() {
      List<ImageFormat> formats = new ArrayList<>(List.of(GreyImageFormat.PNG, GreyImageFormat.TIFF));
      ServiceLoader.load(ImageFormat.class, ImageFiles.class.getClassLoader()).forEach(formats::add);
      return List.copyOf(formats);
    }
  }

  /** The names of the formats that can be read, e.g. {@code [PNG, TIFF, DICOM]}. */
  public static List<String> formats() {
    return Installed.FORMATS.stream().map(ImageFormat::name).toList();
  }

  /**
   * The name of the format {@code file} would be read as, or empty when it is not an image file the SDK
   * reads (a DICOM file counts as one only when DICOM support is installed).
   *
   * @throws LatentCadxException {@code IO_ERROR} when the file cannot be read
   */
  public static Optional<String> format(Path file) throws LatentCadxException {
    return formatOf(Objects.requireNonNull(file, "file"), head(file)).map(ImageFormat::name);
  }

  /** Reads an image of at most {@link MammogramImage#DEFAULT_MAX_PIXELS} pixels. */
  public static ImageFile read(Path file) throws LatentCadxException {
    return read(file, MammogramImage.DEFAULT_MAX_PIXELS);
  }

  /**
   * Reads an image, refusing one of more than {@code maxPixels} pixels before decoding its pixels.
   *
   * @throws IllegalArgumentException if {@code maxPixels} is not positive
   * @throws LatentCadxException {@code IO_ERROR} (missing or unreadable file), {@code UNSUPPORTED_FORMAT}
   *     (no installed format reads it; a DICOM file without DICOM support installed says so), and what
   *     the format reports: {@code CORRUPT_INPUT}, {@code IMAGE_TOO_LARGE}, {@code UNSUPPORTED_FORMAT}
   */
  public static ImageFile read(Path file, long maxPixels) throws LatentCadxException {
    Objects.requireNonNull(file, "file");
    if (maxPixels < 1) {
      throw new IllegalArgumentException("maxPixels must be ≥ 1, got " + maxPixels);
    }
    return requireFormat(file).read(file, maxPixels);
  }

  /**
   * The image's size, from its header only.
   *
   * @throws LatentCadxException as {@link #read(Path, long)}
   */
  public static Dimensions dimensions(Path file) throws LatentCadxException {
    Objects.requireNonNull(file, "file");
    return requireFormat(file).dimensions(file);
  }

  private static ImageFormat requireFormat(Path file) throws LatentCadxException {
    byte[] head = head(file);
    Optional<ImageFormat> format = formatOf(file, head);
    if (format.isPresent()) {
      return format.get();
    }
    if (looksLikeDicom(file, head)) {
      throw new LatentCadxException(
          ErrorCode.UNSUPPORTED_FORMAT,
          file + ": a DICOM file; reading DICOM needs the latentcadx-sdk-dicom artifact on the class path");
    }
    throw new LatentCadxException(
        ErrorCode.UNSUPPORTED_FORMAT,
        file + ": not an image file this SDK reads, by content or by name; expected one of " + formats());
  }

  private static Optional<ImageFormat> formatOf(Path file, byte[] head) {
    for (ImageFormat format : Installed.FORMATS) {
      if (format.recognizes(head)) {
        return Optional.of(format);
      }
    }
    String name = fileName(file);
    return Installed.FORMATS.stream().filter(format -> format.claimsName(name)).findFirst();
  }

  private static boolean looksLikeDicom(Path file, byte[] head) {
    String name = fileName(file);
    return name.endsWith(".dcm")
        || name.endsWith(".dicom")
        || head.length >= DICOM_MAGIC_OFFSET + DICOM_MAGIC.length
            && Arrays.equals(
                head, DICOM_MAGIC_OFFSET, DICOM_MAGIC_OFFSET + DICOM_MAGIC.length, DICOM_MAGIC, 0,
                DICOM_MAGIC.length);
  }

  private static String fileName(Path file) {
    Path name = file.getFileName();
    return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
  }

  private static byte[] head(Path file) throws LatentCadxException {
    if (Files.isDirectory(file)) {
      throw new LatentCadxException(ErrorCode.IO_ERROR, file + ": a folder, not an image file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(ImageFormat.HEAD_BYTES);
    } catch (NoSuchFileException e) {
      throw new LatentCadxException(ErrorCode.IO_ERROR, file + ": no such file", e);
    } catch (IOException e) {
      throw new LatentCadxException(ErrorCode.IO_ERROR, file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
