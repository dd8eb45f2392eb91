package org.latentcadx.sdk.dicom;

import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;

/**
 * PixelMed is an optional dependency of the SDK: the DICOM entry points check for it first, so that its
 * absence is a clear {@link LatentCadxException} rather than a {@link NoClassDefFoundError}. This class
 * itself references no PixelMed type.
 */
final class PixelMedPresence {

  private static final String PROBE = "com.pixelmed.dicom.AttributeList";

  private PixelMedPresence() {}

  static void require(String operation) throws LatentCadxException {
    try {
      Class.forName(PROBE, false, PixelMedPresence.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new LatentCadxException(ErrorCode.UNSUPPORTED_FORMAT,
          operation + " needs the PixelMed DICOM toolkit (com.pixelmed:pixelmed, Debian package "
              + "libpixelmed-java; see sdk/DICOM.md), which is not on the classpath", e);
    }
  }
}
