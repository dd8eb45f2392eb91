package org.latentcadx.sdk.dicom;

import java.nio.file.Path;
import java.util.Arrays;
import org.latentcadx.sdk.ImageFile;
import org.latentcadx.sdk.ImageFiles;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.spi.ImageFormat;

/**
 * DICOM in {@link ImageFiles}: a file with {@code DICM} after the 128-byte preamble, or, when no format
 * recognises its content, a name ending in {@code .dcm} or {@code .dicom}; read with {@link DicomReader}'s
 * defaults and the caller's pixel bound. Registered as a service; not for direct use.
 */
public final class DicomFormat implements ImageFormat {

  private static final byte[] MAGIC = {'D', 'I', 'C', 'M'};
  private static final int MAGIC_OFFSET = 128;

  @Override
  public String name() {
    return DicomImage.FORMAT;
  }

  @Override
  public boolean recognizes(byte[] head) {
    return head.length >= MAGIC_OFFSET + MAGIC.length
        && Arrays.equals(head, MAGIC_OFFSET, MAGIC_OFFSET + MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  @Override
  public boolean claimsName(String lowerCaseFileName) {
    return lowerCaseFileName.endsWith(".dcm") || lowerCaseFileName.endsWith(".dicom");
  }

  @Override
  public ImageFile read(Path file, long maxPixels) throws LatentCadxException {
    return DicomReader.create().withMaxPixels(Math.min(maxPixels, DicomReader.LARGEST_BOUND)).read(file);
  }

  @Override
  public ImageFiles.Dimensions dimensions(Path file) throws LatentCadxException {
    return DicomReader.create().dimensions(file);
  }
}
