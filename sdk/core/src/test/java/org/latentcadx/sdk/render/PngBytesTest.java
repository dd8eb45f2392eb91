package org.latentcadx.sdk.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.testing.Oracles;

class PngBytesTest {

  @TempDir Path folder;

  /** An odd-sized RGB picture of random colours, so that every byte of the Sub filter wraps somewhere. */
  private static BufferedImage randomRgb(int width, int height, long seed) {
    BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        picture.setRGB(x, y, random.nextInt()); // the alpha byte given here is dropped
      }
    }
    return picture;
  }

  private static short[] randomGrey16(int count, long seed) {
    Random random = new Random(seed);
    short[] samples = new short[count];
    for (int i = 0; i < count; i++) {
      samples[i] = (short) random.nextInt(1 << 16);
    }
    samples[0] = (short) 0xffff;
    samples[1] = 0;
    return samples;
  }

  @Test
  void rgbPicturesComeBackExactlyThroughTheJdkReader() throws Exception {
    BufferedImage picture = randomRgb(37, 23, 1);

    BufferedImage read = ImageIO.read(new ByteArrayInputStream(PngBytes.rgb(picture)));

    assertThat(read.getWidth()).isEqualTo(37);
    assertThat(read.getHeight()).isEqualTo(23);
    for (int y = 0; y < 23; y++) {
      for (int x = 0; x < 37; x++) {
        assertThat(read.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(picture.getRGB(x, y));
      }
    }
  }

  @Test
  void sixteenBitGreyComesBackExactlyThroughTheJdkReader() throws Exception {
    short[] samples = randomGrey16(41 * 19, 2);

    BufferedImage read = ImageIO.read(new ByteArrayInputStream(PngBytes.grey16(samples, 41, 19)));

    assertThat(read.getType()).isEqualTo(BufferedImage.TYPE_USHORT_GRAY);
    assertThat(((DataBufferUShort) read.getRaster().getDataBuffer()).getData()).isEqualTo(samples);
  }

  @Test
  void pillowDecodesTheSamePixels() throws Exception {
    Oracles.requirePython("PIL", "numpy");
    BufferedImage picture = randomRgb(29, 17, 3);
    short[] samples = randomGrey16(31 * 13, 4);
    Path rgb = Files.write(folder.resolve("rgb.png"), PngBytes.rgb(picture));
    Path grey = Files.write(folder.resolve("grey.png"), PngBytes.grey16(samples, 31, 13));

    byte[] rgbBytes = pillowRaw(rgb, "uint8");
    ByteBuffer greyBytes = ByteBuffer.wrap(pillowRaw(grey, ">u2"));

    assertThat(rgbBytes).hasSize(29 * 17 * 3);
    for (int i = 0, pixel = 0; pixel < 29 * 17; pixel++, i += 3) {
      int expected = picture.getRGB(pixel % 29, pixel / 29) & 0xffffff;
      int decoded = (rgbBytes[i] & 0xff) << 16 | (rgbBytes[i + 1] & 0xff) << 8 | rgbBytes[i + 2] & 0xff;
      assertThat(decoded).as("pixel %d", pixel).isEqualTo(expected);
    }
    assertThat(greyBytes.remaining()).isEqualTo(samples.length * 2);
    for (short sample : samples) {
      assertThat(greyBytes.getShort()).isEqualTo(sample);
    }
  }

  /** What Pillow decodes from {@code png}, as the raw bytes of a numpy array of {@code dtype}. */
  private byte[] pillowRaw(Path png, String dtype) throws Exception {
    Path raw = folder.resolve(png.getFileName() + ".raw");
    String script =
        "import sys, numpy, PIL.Image\n"
            + "image = PIL.Image.open(sys.argv[1])\n"
            + "image.load()\n"
            + "open(sys.argv[2], 'wb').write(numpy.asarray(image).astype(sys.argv[3]).tobytes())\n";
    Process process =
        new ProcessBuilder(
                List.of(Oracles.PYTHON.toString(), "-c", script, png.toString(), raw.toString(), dtype))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return Files.readAllBytes(raw);
  }

  @Test
  void refusesPicturesOfOtherTypesAndSampleCountsThatDoNotFit() {
    assertThatThrownBy(() -> PngBytes.rgb(new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TYPE_INT_RGB");
    assertThatThrownBy(() -> PngBytes.rgb(randomRgb(4, 4, 5).getSubimage(1, 1, 2, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("subimage");
    assertThatThrownBy(() -> PngBytes.grey16(new short[5], 2, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 2 × 2 samples, got 5");
  }
}
