package org.latentcadx.sdk.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.latentcadx.sdk.ImageMetadata;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.MammogramImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DicomReaderTest {

  private final DicomReader reader = DicomReader.create();

  static Stream<DicomFixtures.Readable> readable() {
    return DicomFixtures.readable();
  }

  static Stream<DicomFixtures.Rejected> rejected() {
    return DicomFixtures.rejected();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readable")
  void decodesTheGreyLevelsTheFixtureWasMadeFrom(DicomFixtures.Readable fixture) throws Exception {
    MammogramImage image = reader.read(fixture.path()).image();

    float[] expected = fixture.expectedPixels();
    float[] actual = image.pixels();
    assertThat(actual).hasSameSizeAs(expected);
    if (fixture.maxAbsError() == 0) {
      assertThat(actual).containsExactly(expected);
    } else {
      float worst = 0;
      for (int i = 0; i < actual.length; i++) {
        worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
      }
      assertThat((double) worst).as("largest error of the lossy %s", fixture.transferSyntax())
          .isLessThanOrEqualTo(fixture.maxAbsError());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readable")
  void carriesLateralityViewSpacingAndBitsStored(DicomFixtures.Readable fixture) throws Exception {
    ImageMetadata metadata = reader.read(fixture.path()).image().metadata();

    assertThat(metadata.source()).isEqualTo(fixture.path().toString());
    assertThat(metadata.bitsStored()).isEqualTo(fixture.bitsStored());
    assertThat(metadata.laterality().name())
        .isEqualTo(fixture.laterality().isEmpty() ? "UNKNOWN" : fixture.laterality());
    assertThat(metadata.view().orElse("")).isEqualTo(fixture.view());
    if (fixture.spacing().isEmpty()) {
      assertThat(metadata.pixelSpacingMm()).isEmpty();
    } else {
      String[] parts = fixture.spacing().split("\\\\");
      double row = Double.parseDouble(parts[0]);
      double column = Double.parseDouble(parts[parts.length - 1]);
      assertThat(metadata.pixelSpacingMm()).hasValueSatisfying(spacing -> {
        assertThat(spacing.rowMm()).isCloseTo(row, within(1e-12));
        assertThat(spacing.columnMm()).isCloseTo(column, within(1e-12));
      });
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void refusesWithACodeAndAMessageNamingFileAndProblem(DicomFixtures.Rejected fixture) {
    assertThatThrownBy(() -> reader.read(fixture.path()))
        .isInstanceOfSatisfying(LatentCadxException.class,
            e -> assertThat(e.code().name()).isEqualTo(fixture.code()))
        .hasMessageContaining(fixture.path().toString())
        .hasMessageContaining(fixture.word());
  }

  @Test
  void keepsTheSourceIdentityForDerivedObjects() throws Exception {
    DicomImage read = reader.read(DicomFixtures.DIRECTORY.resolve("mg_u16_mono2_explicit_le.dcm"));

    assertThat(read.source().sopInstanceUid()).startsWith("1.2.826.0.1.3680043.10.1234.");
    assertThat(read.source().name()).endsWith("mg_u16_mono2_explicit_le.dcm");
  }

  @Test
  void refusesImagesAboveTheConfiguredBoundBeforeReadingPixels() throws Exception {
    DicomReader small = DicomReader.create().withMaxPixels(128 * 96 - 1);

    assertThatThrownBy(() -> small.read(DicomFixtures.DIRECTORY.resolve("mg_u16_rle.dcm")))
        .isInstanceOfSatisfying(LatentCadxException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.IMAGE_TOO_LARGE))
        .hasMessageContaining("mg_u16_rle.dcm")
        .hasMessageContaining("128 x 96");
  }

  @Test
  void refusesContentThatIsNotDicom() {
    byte[] text = "This is a PNG. No, really.\n".repeat(20).getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> reader.read(text, "scan.dcm"))
        .isInstanceOfSatisfying(LatentCadxException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_INPUT))
        .hasMessage(
            "scan.dcm: is not a DICOM file: it has no DICM prefix at byte 128 and does not start"
                + " with a DICOM data element");
  }

  @Test
  void refusesEveryTruncationOfAFixture() {
    byte[] whole = DicomFixtures.bytes(DicomFixtures.DIRECTORY.resolve("mg_u12_jpeg_lossless_sv1.dcm"));
    for (int length = 0; length < whole.length; length += 97) {
      byte[] truncated = Arrays.copyOf(whole, length);
      assertThatThrownBy(() -> reader.read(truncated, "truncated.dcm"))
          .as("truncated to %d bytes", length)
          .isInstanceOfSatisfying(LatentCadxException.class,
              e -> assertThat(e.code()).isIn(ErrorCode.CORRUPT_INPUT, ErrorCode.UNSUPPORTED_FORMAT))
          .hasMessageStartingWith("truncated.dcm: ");
    }
  }

  @Test
  void namesAMissingFile() {
    Path missing = DicomFixtures.DIRECTORY.resolve("no_such_file.dcm");

    assertThatThrownBy(() -> reader.read(missing))
        .isInstanceOfSatisfying(LatentCadxException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR))
        .hasMessageContaining("no_such_file.dcm");
  }

  @Test
  void refusesANonPositiveBound() {
    assertThatThrownBy(() -> DicomReader.create().withMaxPixels(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
