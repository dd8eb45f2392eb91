package org.latentcadx.sdk.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class FailureTextTest {

  @Test
  void classNamesLeaveTheMessage() {
    assertThat(FailureText.of(new IOException("com.pixelmed.dicom.DicomException: No more readers to try")))
        .isEqualTo("no decoder could read it");
    assertThat(FailureText.of(new IOException(
            "java.io.EOFException: Premature end of run length encoded stream")))
        .isEqualTo("Premature end of run length encoded stream");
    assertThat(FailureText.of(new IllegalStateException("element (0008,0018) of VR null has an undefined length")))
        .isEqualTo("element (0008,0018) of an unknown VR has an undefined length");
  }

  @Test
  void messageLessFailuresGetAPhrase() {
    assertThat(FailureText.of(new NegativeArraySizeException("-1")))
        .isEqualTo("its sizes and lengths are inconsistent");
    assertThat(FailureText.of(new EOFException())).isEqualTo("the data ends early");
    assertThat(FailureText.of(new IllegalStateException())).isEqualTo("the decoder failed without saying why");
  }

  @Test
  void numbersAndUidsInMessagesStay() {
    assertThat(FailureText.of(new IOException("value 1.2.840.10008.1.2.4.91 of length 12")))
        .isEqualTo("value 1.2.840.10008.1.2.4.91 of length 12");
  }
}
