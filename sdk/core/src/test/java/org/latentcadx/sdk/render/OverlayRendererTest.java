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
  void onlyProbabilitiesFromHalfTheThresholdAreTinted() {
    double floor = OverlayRenderer.tintFloor(0.9);
    assertThat(floor).isEqualTo(0.45);
    int grey = OverlayRenderer.tint(0.5, 0.44, floor);
    assertThat(grey >> 16).isEqualTo((grey >> 8) & 0xff).isEqualTo(grey & 0xff);
    int faint = OverlayRenderer.tint(0.5, 0.46, floor);
    int strong = OverlayRenderer.tint(0.5, 0.99, floor);
    assertThat(faint >> 16).isGreaterThan(faint & 0xff);
    assertThat((strong >> 16) - (strong & 0xff)).isGreaterThan((faint >> 16) - (faint & 0xff));
    assertThat(OverlayRenderer.tintFloor(0.1)).isEqualTo(OverlayRenderer.MIN_TINT);
  }

  @Test
  void theCaptionedPngAddsABandWithTheCaptionAndScaleAndLabelsLesions() throws Exception {
    float[] pixels = new float[400 * 300];
    float[] values = new float[200 * 150];
    for (int y = 50; y < 80; y++) {
      for (int x = 100; x < 140; x++) {
        values[y * 200 + x] = 0.95f;
      }
    }
    MammogramImage image = MammogramImage.ofFloats(400, 300, pixels, ImageMetadata.of("flat").withBitsStored(16));
    ProbabilityMap map = new ProbabilityMap(200, 150, 2, 400, 300, values);
    BufferedImage plain = ImageIO.read(new ByteArrayInputStream(OverlayRenderer.png(image, map, 0.9)));
    BufferedImage captioned = ImageIO.read(new ByteArrayInputStream(
        OverlayRenderer.png(image, map, 0.9, new OverlayRenderer.Caption("case.dcm", 0.97, "model 1.0"))));

    assertThat(captioned.getWidth()).isEqualTo(plain.getWidth());
    assertThat(captioned.getHeight()).isGreaterThan(plain.getHeight());
    for (int y = 0; y < plain.getHeight(); y += 7) {
      for (int x = 0; x < plain.getWidth(); x += 7) {
        assertThat(captioned.getRGB(x, y)).isEqualTo(plain.getRGB(x, y)); // the image is not covered
      }
    }
    boolean text = false;
    for (int y = plain.getHeight(); y < captioned.getHeight(); y++) {
      for (int x = 0; x < captioned.getWidth(); x++) {
        text |= (captioned.getRGB(x, y) & 0xffffff) == 0xebebeb;
      }
    }
    assertThat(text).as("caption text in the band").isTrue();
    int label = 0; // the box runs from (200, 100) to (280, 160); its number label sits just above it
    for (int y = 70; y < 100; y++) {
      for (int x = 195; x < 320; x++) {
        label += (plain.getRGB(x, y) & 0xffffff) == CYAN ? 1 : 0;
      }
    }
    assertThat(label).as("cyan label pixels above the box").isGreaterThan(10);
  }

  @Test
  void aLabelOfALesionAtTheRightEdgeStaysInsideThePicture() throws Exception {
    float[] values = new float[200 * 150];
    for (int y = 50; y < 80; y++) {
      for (int x = 190; x < 200; x++) {
        values[y * 200 + x] = 0.95f;
      }
    }
    MammogramImage image =
        MammogramImage.ofFloats(400, 300, new float[400 * 300], ImageMetadata.of("flat").withBitsStored(16));
    BufferedImage picture = ImageIO.read(new ByteArrayInputStream(
        OverlayRenderer.png(image, new ProbabilityMap(200, 150, 2, 400, 300, values), 0.9)));

    int shifted = 0; // the box runs from x = 380 to the edge; its label, wider than 20 pixels, must start left of it
    for (int y = 70; y < 100; y++) {
      for (int x = 330; x < 378; x++) {
        shifted += (picture.getRGB(x, y) & 0xffffff) == CYAN ? 1 : 0;
      }
    }
    assertThat(shifted).as("cyan label pixels left of the box").isGreaterThan(10);
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
