package org.latentcadx.sdk.render;

import java.nio.file.Path;
import org.latentcadx.sdk.ImageFiles;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.ProbabilityMap;

/**
 * A probability map stored as a 16-bit grey PNG, losslessly enough for evaluation: grey level =
 * round(probability × 65535), so values come back within 1/131070 of what was written. The PNG holds
 * the map at its own (model) scale. Stateless and thread-safe.
 */
public final class ProbabilityMapPng {

  private static final int MAX = 65535;

  private ProbabilityMapPng() {}

  /** The PNG bytes of {@code map}. */
  public static byte[] encode(ProbabilityMap map) {
    float[] values = map.values();
    short[] samples = new short[values.length];
    for (int i = 0; i < values.length; i++) {
      samples[i] = (short) Math.round(values[i] * MAX);
    }
    return PngBytes.grey16(samples, map.width(), map.height());
  }

  /**
   * Reads a map written by {@link #encode}, as a map at its own scale (downsample factor 1).
   *
   * @throws LatentCadxException as {@link ImageFiles#read}, and {@code UNSUPPORTED_FORMAT} when the
   *     file is not a 16-bit grey PNG
   */
  public static ProbabilityMap read(Path file) throws LatentCadxException {
    MammogramImage image = ImageFiles.read(file).image();
    if (image.metadata().bitsStored() != 16) {
      throw new LatentCadxException(
          ErrorCode.UNSUPPORTED_FORMAT,
          file + ": a probability map PNG has 16 bits per pixel, this file has " + image.metadata().bitsStored());
    }
    float[] values = image.pixels();
    for (int i = 0; i < values.length; i++) {
      values[i] = values[i] / MAX;
    }
    return new ProbabilityMap(image.width(), image.height(), 1, image.width(), image.height(), values);
  }
}
