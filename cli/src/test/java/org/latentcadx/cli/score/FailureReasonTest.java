package org.latentcadx.cli.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;

class FailureReasonTest {
  private static final Path INPUT = Path.of("/data/archive/case1/image.dcm");

  @Test
  void theInputsPathBecomesItsRelativeKey() {
    String reason =
        BatchRunner.reason(
            new LatentCadxException(ErrorCode.CORRUPT_INPUT, INPUT + ": Rows is 0"), INPUT,
            "case1/image.dcm");

    assertThat(reason).isEqualTo("CORRUPT_INPUT: case1/image.dcm: Rows is 0");
  }

  @Test
  void controlCharactersAreEscapedAndLongMessagesBounded() {
    String hostile = "UID 1.2\u0000\u0007" + "x".repeat(70_000);

    String reason = BatchRunner.reason(new IOException(hostile), INPUT, "case1/image.dcm");

    assertThat(reason).startsWith("IO_ERROR: UID 1.2\\u0000\\u0007xx").endsWith("…");
    assertThat(reason).hasSize(BatchRunner.MAX_REASON_LENGTH);
    assertThat(reason.chars().noneMatch(Character::isISOControl)).isTrue();
  }
}
