package org.latentcadx.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncomingInstanceTest {

  private static final String MAMMOGRAPHY = "1.2.840.10008.5.1.4.1.1.1.2";
  private static final String EXPLICIT_LITTLE = "1.2.840.10008.1.2.1";

  @TempDir Path dir;

  @Test
  void aDataSetThatIsNotDicomIsRefusedAsCannotUnderstandAndRecorded() throws Exception {
    Spool spool = Spool.open(dir, 1 << 20);
    IncomingInstance instance = IncomingInstance.begin(spool, MAMMOGRAPHY, "1.2.3", EXPLICIT_LITTLE, "SENDER");
    byte[] garbage = "\u00ff\u00ffnot a data set at all".getBytes(StandardCharsets.ISO_8859_1);
    instance.write(garbage, 0, garbage.length);

    IncomingInstance.Outcome outcome = instance.finish();

    assertThat(outcome.status()).isEqualTo(IncomingInstance.Outcome.CANNOT_UNDERSTAND);
    assertThat(outcome.stored()).isFalse();
    assertThat(spool.waitingToBeScored()).isEmpty();
    assertThat(Files.readString(spool.failedRecord("1.2.3"))).contains("\"stage\" : \"receive\"");
  }

  @Test
  void anInstanceReceivedBeforeIsAcknowledgedWithoutBeingStoredAgain() throws Exception {
    Spool spool = Spool.open(dir, 1 << 20);
    Files.writeString(spool.incoming("1.2.3"), "first copy");
    IncomingInstance again = IncomingInstance.begin(spool, MAMMOGRAPHY, "1.2.3", EXPLICIT_LITTLE, "SENDER");
    again.write(new byte[10], 0, 10);

    IncomingInstance.Outcome outcome = again.finish();

    assertThat(outcome.status()).isEqualTo(IncomingInstance.Outcome.SUCCESS);
    assertThat(outcome.stored()).isFalse();
    assertThat(Files.readString(spool.incoming("1.2.3"))).isEqualTo("first copy");
  }

  @Test
  void theSameInstanceArrivingOnTwoAssociationsAtOnceIsStoredOnce() throws Exception {
    Spool spool = Spool.open(dir, 1 << 20);
    IncomingInstance first = IncomingInstance.begin(spool, MAMMOGRAPHY, "1.2.3", EXPLICIT_LITTLE, "SENDER");
    IncomingInstance second = IncomingInstance.begin(spool, MAMMOGRAPHY, "1.2.3", EXPLICIT_LITTLE, "SENDER");
    second.write(new byte[10], 0, 10);

    IncomingInstance.Outcome secondOutcome = second.finish();
    first.abandon();

    assertThat(secondOutcome.status()).isEqualTo(IncomingInstance.Outcome.SUCCESS);
    assertThat(secondOutcome.stored()).isFalse();
    try (var files = Files.list(dir.resolve("incoming"))) {
      assertThat(files).isEmpty();
    }
    // Once the first transfer has ended, the instance can be received again.
    assertThat(spool.startReceiving("1.2.3")).isTrue();
  }

  @Test
  void anInstanceBeyondTheBudgetIsRefusedAsOutOfResourcesAndLeavesNothing() throws Exception {
    Spool spool = Spool.open(dir, 2000);
    IncomingInstance instance = IncomingInstance.begin(spool, MAMMOGRAPHY, "1.2.3", EXPLICIT_LITTLE, "SENDER");
    instance.write(new byte[1500], 0, 1500);
    instance.write(new byte[1500], 0, 1500);

    IncomingInstance.Outcome outcome = instance.finish();

    assertThat(outcome.status()).isEqualTo(IncomingInstance.Outcome.OUT_OF_RESOURCES);
    try (var files = Files.list(dir.resolve("incoming"))) {
      assertThat(files).isEmpty();
    }
    assertThat(spool.reserve(1500)).isTrue(); // the refused instance's reservation was returned
  }
}
