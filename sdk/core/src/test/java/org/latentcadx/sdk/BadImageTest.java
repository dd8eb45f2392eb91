package org.latentcadx.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.testing.TestModel;

/** Images the SDK cannot score are refused with specific messages. */
class BadImageTest {

  @TempDir Path folder;

  private static final ImageMetadata META = ImageMetadata.of("scan-1").withBitsStored(12);

  @Test
  void nullEmptyAndMisSizedPixelArraysAreInvalid() {
    assertInvalid(() -> MammogramImage.ofFloats(2, 2, null, META), "scan-1: pixel array is null");
    assertInvalid(() -> MammogramImage.ofFloats(0, 0, new float[0], META), "must be positive");
    assertInvalid(() -> MammogramImage.ofFloats(-2, 3, new float[6], META), "must be positive");
    assertInvalid(
        () -> MammogramImage.ofShorts(3, 2, new short[5], false, META),
        "5 pixels given for a 3x2 image; expected 6");
  }

  @Test
  void nonFinitePixelsAreInvalid() {
    assertInvalid(
        () -> MammogramImage.ofFloats(2, 1, new float[] {0, Float.NaN}, META),
        "pixel (1, 0) is NaN");
    assertInvalid(
        () -> MammogramImage.ofFloats(1, 2, new float[] {Float.POSITIVE_INFINITY, 0}, META),
        "pixel (0, 0) is Infinity");
  }

  private interface Creation {
    void run() throws LatentCadxException;
  }

  private static void assertInvalid(Creation creation, String message) {
    LatentCadxException e = catchThrowableOfType(LatentCadxException.class, creation::run);
    assertThat(e).isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_IMAGE);
    assertThat(e).hasMessageContaining(message);
  }

  @Test
  void detectorRefusesNullImagesImagesOverTheBoundAndUnscaledFloats() throws Exception {
    Path model = TestModel.identity(4).writeTo(folder.resolve("model.onnx"));
    try (LesionDetector detector =
        LesionDetector.builder(ModelSource.path(model)).maxImagePixels(100).build()) {
      LatentCadxException nullImage =
          catchThrowableOfType(LatentCadxException.class, () -> detector.detect(null));
      assertThat(nullImage.code()).isEqualTo(ErrorCode.INVALID_IMAGE);

      MammogramImage large = MammogramImage.ofFloats(11, 10, new float[110], META);
      LatentCadxException tooLarge =
          catchThrowableOfType(LatentCadxException.class, () -> detector.detect(large));
      assertThat(tooLarge.code()).isEqualTo(ErrorCode.IMAGE_TOO_LARGE);
      assertThat(tooLarge)
          .hasMessageContaining("11x10 = 110 pixels exceeds the detector's bound of 100 pixels");

      MammogramImage unscaled =
          MammogramImage.ofFloats(2, 1, new float[] {0.5f, 7f}, ImageMetadata.of("floats"));
      LatentCadxException outside =
          catchThrowableOfType(LatentCadxException.class, () -> detector.detect(unscaled));
      assertThat(outside.code()).isEqualTo(ErrorCode.INVALID_IMAGE);
      assertThat(outside).hasMessageContaining("floats: pixel (1, 0) is 7.0");
    }
  }
}
