package org.latentcadx.sdk.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * PNG encoding at deflate level 1 (the JDK's PNG writer maps compression quality q to level 9 − round(9q)).
 * Measured on a 1536-pixel overlay of a synthetic mammogram: 74 ms for 1.52 MB, against 99 ms for
 * 1.50 MB with {@code ImageIO.write}'s default and 379 ms for 1.35 MB at level 9.
 */
final class PngBytes {

  private static final float DEFLATE_LEVEL_1 = 8 / 9f;

  private PngBytes() {}

  static byte[] of(BufferedImage picture) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(DEFLATE_LEVEL_1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(picture, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("writing a PNG to memory failed", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
