package org.latentcadx.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

  @TempDir Path dir;

  @Test
  void aValidUidNamesItsFileAsItIs() {
    assertThat(Spool.nameFor("1.2.840.113619.2.55.3.604688119.969.1268071029.320"))
        .isEqualTo("1.2.840.113619.2.55.3.604688119.969.1268071029.320");
  }

  @Test
  void uidsThatAreNotValidUidsAreHashedSoThatNoPeerCanNameAPath() throws Exception {
    Spool spool = Spool.open(dir.resolve("spool"), 1 << 20);
    for (String hostile : new String[] {"../../etc/passwd", "/tmp/x", "1.2/../../3", "..", "1.02.3", "1..2",
        "1.2.3\u0000", "9".repeat(65), ""}) {
      String name = Spool.nameFor(hostile);
      assertThat(name).as(hostile).matches("uid-[0-9a-f]{64}");
      assertThat(spool.incoming(name).getParent()).isEqualTo(spool.root().resolve("incoming"));
    }
    assertThat(Spool.nameFor("../x")).isNotEqualTo(Spool.nameFor("../y"));
  }

  @Test
  void openingRemovesWhatInterruptedWritesLeftAndKeepsTheRest() throws Exception {
    Spool first = Spool.open(dir.resolve("spool"), 1 << 20);
    Files.writeString(first.incoming("1.2.3"), "received");
    Files.writeString(Spool.temporaryFor(first.incoming("1.2.4")), "half");
    Files.createDirectories(Spool.temporaryFor(first.outgoing("1.2.5")).resolve("x"));

    Spool reopened = Spool.open(dir.resolve("spool"), 1 << 20);

    assertThat(reopened.waitingToBeScored()).containsExactly("1.2.3");
    assertThat(reopened.waitingToBeDelivered()).isEmpty();
    try (var left = Files.list(dir.resolve("spool/outgoing"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void reservationsStopAtTheBudget() throws Exception {
    Spool spool = Spool.open(dir.resolve("spool"), 1000);
    Files.write(spool.incoming("1.2.3"), new byte[600]);

    assertThat(spool.reserve(300)).isTrue();
    assertThat(spool.reserve(200)).isFalse(); // 600 on disk + 300 reserved + 200 > 1000
    spool.release(300, false);
    assertThat(spool.reserve(400)).isTrue();
  }
}
