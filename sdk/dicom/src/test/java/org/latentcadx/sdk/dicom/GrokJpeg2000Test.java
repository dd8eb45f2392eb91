package org.latentcadx.sdk.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentcadx.sdk.testing.Oracles;
import org.latentcadx.sdk.testing.Processes;

/**
 * Grok's JPEG 2000 decode against OpenJPEG's (the oracle: {@code src/test/fixtures/openjpeg_decode.py},
 * Debian's Pillow) and JJ2000's, on the lossless and lossy fixtures and a full-size sample mammogram.
 * Grok is required where oracles are ({@code scripts/setup} installs {@code libgrokj2k1}).
 */
class GrokJpeg2000Test {

  private static final Path ORACLE = Path.of("src/test/fixtures/openjpeg_decode.py");

  /**
   * The most a lossy stream's JJ2000 decode differs from OpenJPEG's and Grok's at a pixel, in grey
   * levels (both reconstruct the 9/7 wavelet in floating point and round).
   */
  private static final int LOSSY_JJ2000_TOLERANCE = 1;

  record Case(Path file, boolean lossless) {
    @Override
    public String toString() {
      return file.getFileName().toString();
    }
  }

  static Stream<Case> jpeg2000Files() {
    return Stream.of(
        new Case(DicomFixtures.DIRECTORY.resolve("mg_u16_j2k_lossless.dcm"), true),
        new Case(DicomFixtures.DIRECTORY.resolve("mg_u12_j2k_lossless.dcm"), true),
        new Case(DicomFixtures.DIRECTORY.resolve("mg_u16_j2k_lossy.dcm"), false),
        new Case(Path.of("../../samples/hard-cases/data/P_00001_LEFT_CC.dcm"), false));
  }

  @TempDir Path work;

  @BeforeEach
  void grokAndTheOracleAreInstalled() {
    Oracles.require(GrokJpeg2000.installed(), "Grok (Debian's libgrokj2k1)");
    Oracles.requirePython("pydicom", "numpy", "PIL");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jpeg2000Files")
  void decodesOpenJpegsPixelsAndJj2000sWithinTheirRounding(Case fixture) throws Exception {
    Path out = work.resolve("frame");
    Processes.Result oracle = Processes.run(Duration.ofMinutes(2), List.of(Oracles.PYTHON.toString(),
        ORACLE.toString(), fixture.file().toString(), out.toString()));
    assertThat(oracle.exitCode()).as(oracle.output()).isZero();
    String[] size = oracle.output().strip().split(" ");
    int rows = Integer.parseInt(size[0]);
    int columns = Integer.parseInt(size[1]);
    byte[] codeStream = Files.readAllBytes(Path.of(out + ".j2k"));

    short[] grok = words(GrokJpeg2000.decode(codeStream).orElseThrow(), rows, columns);
    short[] openJpeg = littleEndianWords(Path.of(out + ".raw"));
    short[] jj2000 = words(Jpeg2000Frame.decodeWithJj2000(codeStream), rows, columns);

    assertThat(grok).as("Grok against OpenJPEG").isEqualTo(openJpeg);
    int worst = 0;
    for (int i = 0; i < grok.length; i++) {
      worst = Math.max(worst, Math.abs((grok[i] & 0xFFFF) - (jj2000[i] & 0xFFFF)));
    }
    assertThat(worst).as("largest difference from JJ2000, grey levels")
        .isLessThanOrEqualTo(fixture.lossless() ? 0 : LOSSY_JJ2000_TOLERANCE);
  }

  @Test
  void aStreamGrokCannotDecodeIsLeftToJj2000() {
    byte[] truncated = {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51, 0x00};
    assertThat(GrokJpeg2000.decode(truncated)).isEmpty();
  }

  @Test
  void isUsedOnlyWhenTheProcessAsksForIt() {
    String before = System.getProperty(DicomReader.JPEG2000_DECODER_PROPERTY);
    try {
      System.clearProperty(DicomReader.JPEG2000_DECODER_PROPERTY);
      assertThat(GrokJpeg2000.enabled()).as("by default").isFalse();
      System.setProperty(DicomReader.JPEG2000_DECODER_PROPERTY, "jj2000");
      assertThat(GrokJpeg2000.enabled()).as("jj2000").isFalse();
      System.setProperty(DicomReader.JPEG2000_DECODER_PROPERTY, "grok");
      assertThat(GrokJpeg2000.enabled()).as("grok").isTrue();
    } finally {
      if (before == null) {
        System.clearProperty(DicomReader.JPEG2000_DECODER_PROPERTY);
      } else {
        System.setProperty(DicomReader.JPEG2000_DECODER_PROPERTY, before);
      }
    }
  }

  private static short[] words(BufferedImage image, int rows, int columns) {
    assertThat(image.getWidth()).isEqualTo(columns);
    assertThat(image.getHeight()).isEqualTo(rows);
    short[] words = new short[rows * columns];
    int[] row = new int[columns];
    for (int y = 0; y < rows; y++) {
      image.getRaster().getSamples(0, y, columns, 1, 0, row);
      for (int x = 0; x < columns; x++) {
        words[y * columns + x] = (short) row[x];
      }
    }
    return words;
  }

  private static short[] littleEndianWords(Path raw) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
    short[] words = new short[bytes.remaining() / 2];
    bytes.asShortBuffer().get(words);
    return words;
  }
}
