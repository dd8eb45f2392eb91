package org.latentcadx.cli.io;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.MammogramImage;

/**
 * A probability map stored losslessly enough for evaluation as a 16-bit grey PNG: grey level =
 * round(probability × 65535), so values come back within 1/131070 of what was written.
 */
public final class ProbabilityMapPng {

  private static final int MAX = 65535;

  private ProbabilityMapPng() {}

  /** A probability map: {@code width × height} values in [0, 1], row-major. */
  public record Map(int width, int height, float[] values) {
    public Map {
      if (width <= 0 || height <= 0 || values.length != width * height) {
        throw new IllegalArgumentException(
            values.length + " values for a " + width + "x" + height + " probability map");
      }
    }

    /** The probability at column {@code x}, row {@code y}. */
    public float get(int x, int y) {
      return values[y * width + x];
    }
  }

  /** The PNG bytes of {@code map}; values outside [0, 1] are clamped. */
  public static byte[] encode(Map map) throws IOException {
    BufferedImage image = new BufferedImage(map.width(), map.height(), BufferedImage.TYPE_USHORT_GRAY);
    WritableRaster raster = image.getRaster();
    for (int y = 0; y < map.height(); y++) {
      for (int x = 0; x < map.width(); x++) {
        double clamped = Math.min(1, Math.max(0, map.get(x, y)));
        raster.setSample(x, y, 0, (int) Math.round(clamped * MAX));
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "png", bytes);
    return bytes.toByteArray();
  }

  /** Reads a map written by {@link #encode}, through the SDK's grey PNG reader. */
  public static Map read(Path file) throws IOException {
    MammogramImage image;
    try {
      image = MammogramImage.read(file);
    } catch (LatentCadxException e) {
      throw new IOException(file + " is not a grey PNG probability map: " + e.getMessage(), e);
    }
    float[] values = image.pixels();
    double max = (1 << image.metadata().bitsStored()) - 1;
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (values[i] / max);
    }
    return new Map(image.width(), image.height(), values);
  }
}
