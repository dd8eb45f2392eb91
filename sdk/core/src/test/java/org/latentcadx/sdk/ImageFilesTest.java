package org.latentcadx.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;

/** Reading image files: grey PNG and TIFF built in; DICOM only with the DICOM artifact. */
class ImageFilesTest {

  @TempDir Path folder;

  @ParameterizedTest
  @CsvSource({"png, 8", "png, 16", "tiff, 8", "tiff, 16"})
  void readsGreyLevelsAndBitDepth(String format, int bits) throws Exception {
    int width = 5;
    int height = 3;
    BufferedImage image =
        new BufferedImage(
            width, height, bits == 8 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_USHORT_GRAY);
    WritableRaster raster = image.getRaster();
    int max = (1 << bits) - 1;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        raster.setSample(x, y, 0, (x * 7919 + y * 104729) % (max + 1));
      }
    }
    raster.setSample(4, 2, 0, max);
    Path file = folder.resolve("grey." + format);
    assertThat(ImageIO.write(image, format, file.toFile())).isTrue();

    ImageFile readFile = ImageFiles.read(file);
    MammogramImage read = readFile.image();

    assertThat(readFile.format()).isEqualTo(format.toUpperCase(java.util.Locale.ROOT));
    assertThat(ImageFiles.format(file)).contains(readFile.format());
    assertThat(ImageFiles.dimensions(file)).isEqualTo(new ImageFiles.Dimensions(width, height));

    assertThat(read.width()).isEqualTo(width);
    assertThat(read.height()).isEqualTo(height);
    assertThat(read.metadata().bitsStored()).isEqualTo(bits);
    assertThat(read.metadata().source()).isEqualTo(file.toString());
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        assertThat(read.get(x, y)).isEqualTo((float) raster.getSample(x, y, 0));
      }
    }
    assertThat(read.get(4, 2)).isEqualTo((float) max);
  }

  @Test
  void imagesOverThePixelBoundAreRefusedBeforeDecoding() throws Exception {
    Path file = folder.resolve("big.png");
    ImageIO.write(new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
    LatentCadxException e =
        catchThrowableOfType(LatentCadxException.class, () -> ImageFiles.read(file, 599));
    assertThat(e.code()).isEqualTo(ErrorCode.IMAGE_TOO_LARGE);
    assertThat(e).hasMessageContaining("big.png: 30x20 has more than 599 pixels");
    assertThat(ImageFiles.read(file, 600).image().width()).isEqualTo(30);
  }

  @Test
  void colourImagesAreUnsupported() throws Exception {
    Path file = folder.resolve("colour.png");
    ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    LatentCadxException e = failure(file);
    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
    assertThat(e).hasMessageContaining("has 3 channel(s) of 8 bits; expected one grey channel");
  }

  @Test
  void otherFilesAreUnsupportedOrCorruptOrMissing() throws Exception {
    Path namedPng = Files.writeString(folder.resolve("notes.png"), "not an image");
    assertThat(failure(namedPng).code()).isEqualTo(ErrorCode.CORRUPT_INPUT);
    Path text = Files.writeString(folder.resolve("notes.txt"), "not an image");
    LatentCadxException unsupported = failure(text);
    assertThat(unsupported.code()).isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
    assertThat(unsupported).hasMessageContaining("notes.txt: not an image file this SDK reads");
    assertThat(ImageFiles.format(text)).isEmpty();

    Path png = folder.resolve("whole.png");
    ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_USHORT_GRAY), "png", png.toFile());
    byte[] bytes = Files.readAllBytes(png);
    Path truncated = Files.write(folder.resolve("truncated.png"), Arrays.copyOf(bytes, 60));
    LatentCadxException corrupt = failure(truncated);
    assertThat(corrupt.code()).isEqualTo(ErrorCode.CORRUPT_INPUT);
    assertThat(corrupt).hasMessageContaining("truncated.png");

    LatentCadxException missing = failure(folder.resolve("absent.tiff"));
    assertThat(missing.code()).isEqualTo(ErrorCode.IO_ERROR);
    assertThat(missing).hasMessageContaining("absent.tiff: no such file");
  }

  @Test
  void dicomNeedsTheDicomArtifact() throws Exception {
    byte[] part10 = new byte[200];
    System.arraycopy(new byte[] {'D', 'I', 'C', 'M'}, 0, part10, 128, 4);
    Path dicom = Files.write(folder.resolve("image.bin"), part10);

    LatentCadxException e = failure(dicom);

    assertThat(ImageFiles.formats()).containsExactly("PNG", "TIFF");
    assertThat(ImageFiles.format(dicom)).isEmpty();
    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
    assertThat(e).hasMessageContaining("image.bin: a DICOM file; reading DICOM needs the latentcadx-sdk-dicom artifact");
  }

  private static LatentCadxException failure(Path file) {
    LatentCadxException e =
        catchThrowableOfType(LatentCadxException.class, () -> ImageFiles.read(file));
    assertThat(e).as(file.toString()).isNotNull();
    return e;
  }
}
