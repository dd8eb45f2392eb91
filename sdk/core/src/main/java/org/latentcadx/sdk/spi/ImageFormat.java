package org.latentcadx.sdk.spi;

import java.nio.file.Path;
import org.latentcadx.sdk.ImageFile;
import org.latentcadx.sdk.ImageFiles;
import org.latentcadx.sdk.LatentCadxException;

/**
 * A file format that {@link ImageFiles} reads. PNG and TIFF are built in; other formats are found with
 * {@link java.util.ServiceLoader} (the {@code latentcadx-sdk-dicom} artifact provides DICOM), so adding
 * the artifact to the class or module path is all it takes. Implementations must be thread-safe and
 * have a public no-argument constructor.
 */
public interface ImageFormat {

  /** How many leading bytes of a file {@link #recognizes} is given (fewer for shorter files). */
  int HEAD_BYTES = 132;

  /** The format's name, e.g. {@code "DICOM"}; unique among the installed formats. */
  String name();

  /** Whether a file's first bytes identify this format. */
  boolean recognizes(byte[] head);

  /**
   * Whether a file whose content no installed format recognises is taken to be of this format by its
   * name (e.g. a damaged file ending in {@code .dcm}), so that reading it reports what is wrong.
   *
   * @param lowerCaseFileName the file name without folders, in lower case
   */
  boolean claimsName(String lowerCaseFileName);

  /**
   * Reads an image.
   *
   * @param maxPixels images of more pixels are refused with {@code IMAGE_TOO_LARGE} before their pixels
   *     are decoded
   * @throws LatentCadxException naming the file and what is wrong with it
   */
  ImageFile read(Path file, long maxPixels) throws LatentCadxException;

  /**
   * The image's width and height, read from its header without decoding the pixels.
   *
   * @throws LatentCadxException naming the file and what is wrong with it
   */
  ImageFiles.Dimensions dimensions(Path file) throws LatentCadxException;
}
