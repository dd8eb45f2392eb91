package org.latentcadx.sdk.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;

/** Hand-made hostile variants of the fixtures, each aimed at one defence of the reader. */
class HostileDicomTest {

  @Test
  void aJpegFrameDeclaringAnotherSizeIsRefusedBeforeDecoding() {
    byte[] file = fixture("mg_u16_jpeg_lossless_sv1.dcm");
    int sof = indexOf(file, new byte[] {(byte) 0xFF, (byte) 0xC3});
    file[sof + 7] = (byte) 0x7F; // width 0x7F80 instead of 128

    assertRefused(file, ErrorCode.CORRUPT_INPUT, "compressed frame declares 32640 x 96");
  }

  @Test
  void aJpeg2000FrameDeclaringAnotherSizeIsRefusedBeforeDecoding() {
    byte[] file = fixture("mg_u16_j2k_lossless.dcm");
    int siz = indexOf(file, new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51});
    file[siz + 12] = 0x10; // Ysiz high byte: 0x10000060 rows

    assertRefused(file, ErrorCode.CORRUPT_INPUT, "compressed frame declares 128 x 268435552");
  }

  @Test
  void aJpeg2000PacketHeaderThatWouldLoopForeverFailsAndLeavesNoThread() throws Exception {
    byte[] file = fixture("mg_u12_j2k_lossless.dcm");
    int codestream = indexOf(file, new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51});
    for (int k = 0; k < 4; k++) {
      file[codestream + 135 + k] = (byte) 0xFF; // JJ2000 reads endless one bits past the end here
    }
    DicomReader reader = DicomReader.create().withDecodeTimeout(Duration.ofSeconds(30));

    long start = System.nanoTime();
    assertThatThrownBy(() -> reader.read(file, "looping.dcm"))
        .isInstanceOfSatisfying(LatentCadxException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_INPUT))
        .hasMessageContaining("looping.dcm")
        .hasMessageContaining("two 0xFF bytes in a row in its packet data");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(decoderThreadsAfterAWhile()).as("decoder threads still running").isZero();
  }

  @Test
  void aDecoderSpinningOnItsStreamIsAbandonedAtTheDeadlineAndItsThreadEnds() {
    byte[] data = new byte[16];
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                DecodeDeadline.call(
                    () -> {
                      // Rereads its input forever, as a decoder stuck in a loop would.
                      GuardedImageInputStream in = new GuardedImageInputStream(data);
                      while (true) {
                        in.seek(0);
                        in.read();
                      }
                    },
                    Duration.ofMillis(300),
                    "spin.dcm",
                    "test frame"))
        .isInstanceOfSatisfying(LatentCadxException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_INPUT))
        .hasMessageContaining("spin.dcm: decoding the test frame did not finish within 300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(decoderThreadsAfterAWhile()).as("decoder threads still running").isZero();
  }

  private static long decoderThreadsAfterAWhile() {
    long alive = 0;
    for (int attempt = 0; attempt < 20; attempt++) {
      alive = Thread.getAllStackTraces().keySet().stream()
          .filter(thread -> thread.getName().equals("latentcadx-dicom-decode") && thread.isAlive())
          .count();
      if (alive == 0) {
        break;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return alive;
  }

  @Test
  void aDeflatedDataSetThatInflatesBeyondTheBoundIsRefused() throws Exception {
    byte[] file = fixture("mg_u12_deflated.dcm");
    int datasetStart = indexOf(file, "1.2.840.10008.1.2.1.99".getBytes(java.nio.charset.StandardCharsets.US_ASCII)) + 22;
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    bomb.write(file, 0, datasetStart);
    try (DeflaterOutputStream deflater =
        new DeflaterOutputStream(bomb, new Deflater(Deflater.BEST_COMPRESSION, true))) {
      deflater.write(new byte[20 << 20]);
    }
    byte[] hostile = bomb.toByteArray();
    assertThat(hostile.length).isLessThan(100_000);

    assertThatThrownBy(() -> DicomReader.create().withMaxPixels(1000).read(hostile, "bomb.dcm"))
        .isInstanceOfSatisfying(LatentCadxException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.IMAGE_TOO_LARGE))
        .hasMessageContaining("bomb.dcm")
        .hasMessageContaining("inflates to more than");
  }

  @Test
  void aSequenceNestedBeyondTheLimitIsRefused() {
    byte[] file = fixture("mg_u16_implicit_le.dcm");
    int pixelData = indexOf(file, new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00});
    ByteArrayOutputStream nested = new ByteArrayOutputStream();
    nested.write(file, 0, pixelData);
    byte[] sequenceOpen = {0x08, 0x00, 0x40, 0x11, -1, -1, -1, -1}; // (0008,1140) SQ, undefined length
    byte[] itemOpen = {-2, -1, 0x00, -32, -1, -1, -1, -1}; // (FFFE,E000), undefined length
    for (int depth = 0; depth < 40; depth++) {
      nested.writeBytes(sequenceOpen);
      nested.writeBytes(itemOpen);
    }
    byte[] hostile = nested.toByteArray();

    assertRefused(hostile, ErrorCode.CORRUPT_INPUT, "nests sequences deeper than");
  }

  private static void assertRefused(byte[] file, ErrorCode code, String problem) {
    assertThatThrownBy(() -> DicomReader.create().read(file, "hostile.dcm"))
        .isInstanceOfSatisfying(LatentCadxException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessageStartingWith("hostile.dcm: ")
        .hasMessageContaining(problem);
  }

  @Test
  void lossyJpeg2000ValuesBeyondBitsStoredAreClampedNotWrapped() throws Exception {
    byte[] file = fixture("mg_u16_j2k_lossy.dcm");
    float[] wide = DicomReader.create().read(file, "wide.dcm").image().pixels();
    // The header now says 12 bits stored (High Bit 11) for a 16-bit code stream.
    int bitsStored = indexOf(file, new byte[] {0x28, 0x00, 0x01, 0x01, 'U', 'S', 0x02, 0x00});
    file[bitsStored + 8] = 12;
    int highBit = indexOf(file, new byte[] {0x28, 0x00, 0x02, 0x01, 'U', 'S', 0x02, 0x00});
    file[highBit + 8] = 11;

    float[] narrow = DicomReader.create().read(file, "narrow.dcm").image().pixels();

    long beyond = 0;
    for (int i = 0; i < wide.length; i++) {
      if (wide[i] > 4095) {
        beyond++;
        assertThat(narrow[i]).as("pixel %d (decoded %s)", i, wide[i]).isEqualTo(4095f);
      } else {
        assertThat(narrow[i]).isEqualTo(wide[i]);
      }
    }
    assertThat(beyond).as("pixels the 16-bit stream holds beyond 12 bits").isPositive();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"1, 1", "200, 32", "200, 150"})
  void anRleFrameWhoseSegmentsDoNotFitRowsAndColumnsIsRefused(int columns, int rows) {
    byte[] file = fixture("mg_u16_rle.dcm");
    int rowsAt = indexOf(file, new byte[] {0x28, 0x00, 0x10, 0x00, 'U', 'S', 0x02, 0x00}) + 8;
    int columnsAt = indexOf(file, new byte[] {0x28, 0x00, 0x11, 0x00, 'U', 'S', 0x02, 0x00}) + 8;
    file[rowsAt] = (byte) rows;
    file[rowsAt + 1] = 0;
    file[columnsAt] = (byte) columns;
    file[columnsAt + 1] = 0;

    // 128 x 96 pixels: 12288 bytes per segment, plus this encoder's one byte of padding.
    assertRefused(file, ErrorCode.CORRUPT_INPUT, "RLE segment 1 decodes to 12289 bytes; " + columns
        + " x " + rows + " pixels need " + columns * rows);
  }

  private static byte[] fixture(String name) {
    return DicomFixtures.bytes(DicomFixtures.DIRECTORY.resolve(name));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("pattern not in fixture");
  }
}
