package org.latentcadx.sdk.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The PackBits rules of PS3.5 G.3.1 and the frame layout on hand-made pixels; pydicom and dcmtk decode
 * whole frames in {@code HeatmapOverlayTest}.
 */
class RleLosslessTest {

  @Test
  void threeEqualBytesAreAReplicateRunAndTwoStayInALiteral() {
    assertThat(packed(5, 5, 5, 1, 2, 2, 3)).containsExactly(-2, 5, 3, 1, 2, 2, 3);
  }

  @Test
  void runsAreAtMost128Bytes() {
    byte[] row = new byte[300];
    Arrays.fill(row, (byte) 9);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RleLossless.packBits(row, out);
    assertThat(out.toByteArray()).containsExactly(-127, 9, -127, 9, -43, 9);

    byte[] literal = new byte[130];
    for (int i = 0; i < literal.length; i++) {
      literal[i] = (byte) i;
    }
    out.reset();
    RleLossless.packBits(literal, out);
    byte[] encoded = out.toByteArray();
    assertThat(encoded[0]).isEqualTo((byte) 127);
    assertThat(encoded[129]).isEqualTo((byte) 1);
    assertThat(encoded).hasSize(1 + 128 + 1 + 2);
  }

  @Test
  void eachRowIsEncodedOnItsOwnAndSegmentsAreEvenAndListedInTheHeader() {
    // 2 x 2 grey pixels (64, 64, 64): Y = 64, Cb = Cr = 128; each plane is two rows of two equal bytes,
    // never one run of four, and a two-byte repeat may stay a literal: "1, v, v" per row.
    int[] rgb = {0x404040, 0x404040, 0x404040, 0x404040};
    byte[] frame = RleLossless.encodeRgb(rgb, 2, 2);
    ByteBuffer header = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(header.getInt(0)).isEqualTo(3);
    assertThat(header.getInt(4)).isEqualTo(64);
    assertThat(header.getInt(8)).isEqualTo(64 + 6);
    assertThat(header.getInt(12)).isEqualTo(64 + 12);
    assertThat(header.getInt(16)).isZero();
    assertThat(Arrays.copyOfRange(frame, 64, 70)).containsExactly(1, 64, 64, 1, 64, 64);
    assertThat(Arrays.copyOfRange(frame, 70, 76)).containsExactly(1, -128, -128, 1, -128, -128);
    assertThat(Arrays.copyOfRange(frame, 76, 82)).containsExactly(1, -128, -128, 1, -128, -128);
    assertThat(frame).hasSize(64 + 18);
  }

  private static byte[] packed(int... values) {
    byte[] row = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      row[i] = (byte) values[i];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RleLossless.packBits(row, out);
    return out.toByteArray();
  }
}
