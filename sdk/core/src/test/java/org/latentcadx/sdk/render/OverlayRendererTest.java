package org.latentcadx.sdk.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.ImageMetadata;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.ProbabilityMap;

class OverlayRendererTest {

  private static final int GREEN = 0x00e600;
  private static final int CYAN = 0x00dcff;

  @TempDir Path folder;

  /** A 40×30 image with a grey ramp, and a map at factor 2 with one hot 4×4 block. */
  private static MammogramImage image() throws Exception {
    float[] pixels = new float[40 * 30];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (i % 40) * 100;
    }
    return MammogramImage.ofFloats(40, 30, pixels, ImageMetadata.of("ramp").withBitsStored(16));
  }

  private static ProbabilityMap map() {
    float[] values = new float[20 * 15];
    for (int y = 5; y < 9; y++) {
      for (int x = 10; x < 14; x++) {
        values[y * 20 + x] = 0.9f;
      }
    }
    return new ProbabilityMap(20, 15, 2, 40, 30, values);
  }

  @Test
  void greyWhereNothingIsProbableTintOutlineAndBoxWhereALesionIs() throws Exception {
    BufferedImage picture = OverlayRenderer.render(image(), map(), 0.5, 1000);

    assertThat(picture.getWidth()).isEqualTo(40);
    assertThat(picture.getHeight()).isEqualTo(30);
    int far = picture.getRGB(5, 25) & 0xffffff;
    assertThat(far >> 16).isEqualTo((far >> 8) & 0xff).isEqualTo(far & 0xff);
    int hot = picture.getRGB(24, 14) & 0xffffff;
    assertThat(hot >> 16).isGreaterThan(hot & 0xff);
    boolean outlined = false;
    boolean boxed = false;
    for (int y = 0; y < 30; y++) {
      for (int x = 0; x < 40; x++) {
        int rgb = picture.getRGB(x, y) & 0xffffff;
        outlined |= rgb == GREEN;
        boxed |= rgb == CYAN;
      }
    }
    assertThat(outlined).isTrue();
    assertThat(boxed).isTrue();
  }

  @Test
  void thePngIsAtMostTheMaximumSideAndKeepsTheAspect() throws Exception {
    float[] pixels = new float[3000 * 1500];
    MammogramImage wide = MammogramImage.ofFloats(3000, 1500, pixels, ImageMetadata.of("wide"));
    ProbabilityMap empty = new ProbabilityMap(750, 375, 4, 3000, 1500, new float[750 * 375]);

    BufferedImage png = ImageIO.read(new ByteArrayInputStream(OverlayRenderer.png(wide, empty, 0.5)));

    assertThat(png.getWidth()).isEqualTo(OverlayRenderer.PNG_MAX_SIDE);
    assertThat(png.getHeight()).isEqualTo(OverlayRenderer.PNG_MAX_SIDE / 2);
  }

  @Test
  void refusesAMapOfAnotherImageAndABadThreshold() throws Exception {
    ProbabilityMap other = new ProbabilityMap(10, 10, 1, 10, 10, new float[100]);
    assertThatThrownBy(() -> OverlayRenderer.render(image(), other, 0.5, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10x10");
    assertThatThrownBy(() -> OverlayRenderer.render(image(), map(), 0, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(0, 1]");
  }

  @Test
  void probabilityMapsSurviveThePngWithinHalfAStep() throws Exception {
    float[] values = new float[7 * 5];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) Math.sin(i) * (float) Math.sin(i);
    }
    ProbabilityMap map = new ProbabilityMap(7, 5, 1, 7, 5, values);
    Path file = Files.write(folder.resolve("map.png"), ProbabilityMapPng.encode(map));

    ProbabilityMap read = ProbabilityMapPng.read(file);

    assertThat(read.width()).isEqualTo(7);
    assertThat(read.height()).isEqualTo(5);
    for (int i = 0; i < values.length; i++) {
      assertThat((double) read.get(i % 7, i / 7)).isCloseTo(values[i], org.assertj.core.data.Offset.offset(0.5 / 65535 + 1e-7));
    }
  }
}
