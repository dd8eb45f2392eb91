package org.latentcadx.sdk.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.InterruptedIOException;
import org.junit.jupiter.api.Test;

class GuardedImageInputStreamTest {

  @Test
  void readsItsDataThenAnswersEndOfStreamOnlyUpToTheBudget() throws Exception {
    try (GuardedImageInputStream in = new GuardedImageInputStream(new byte[] {1, (byte) 0xFF}, 3)) {
      assertThat(in.read()).isEqualTo(1);
      assertThat(in.read()).isEqualTo(0xFF);
      byte[] buffer = new byte[4];
      assertThat(in.read()).isEqualTo(-1);
      assertThat(in.read(buffer, 0, 4)).isEqualTo(-1);
      assertThat(in.read()).isEqualTo(-1);
      assertThatThrownBy(in::read)
          .isInstanceOf(EOFException.class)
          .hasMessageContaining("code stream ends before the decoder is done");
    }
  }

  @Test
  void anInterruptedReaderFailsAtItsNextRead() throws Exception {
    try (GuardedImageInputStream in = new GuardedImageInputStream(new byte[8])) {
      Thread.currentThread().interrupt();
      try {
        assertThatThrownBy(in::read).isInstanceOf(InterruptedIOException.class);
      } finally {
        Thread.interrupted();
      }
    }
  }

  @Test
  void doubledFfIsFoundInPacketDataButNotInHeadersOrSopSegments() {
    byte[] stream = {
      (byte) 0xFF, 0x4F, // SOC
      (byte) 0xFF, 0x64, 0x00, 0x04, (byte) 0xFF, (byte) 0xFF, // COM with 0xFFFF content: header, allowed
      (byte) 0xFF, (byte) 0x90, 0x00, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, // SOT, Psot 0
      (byte) 0xFF, (byte) 0x93, // SOD
      (byte) 0xFF, (byte) 0x91, 0x00, 0x04, (byte) 0xFF, (byte) 0xFF, // SOP, Nsop 0xFFFF: allowed
      0x12, (byte) 0xFF, 0x7F, 0x00, (byte) 0xFF, (byte) 0xFF, 0x00, // packet data: 0xFF 0xFF at 32
      (byte) 0xFF, (byte) 0xD9 // EOC
    };
    assertThat(Jpeg2000Frame.doubledFfInPacketData(stream)).isEqualTo(32);
    stream[33] = 0x01;
    assertThat(Jpeg2000Frame.doubledFfInPacketData(stream)).isEqualTo(-1);
  }
}
