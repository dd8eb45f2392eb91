package org.latentcadx.cli.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private static final String NL = System.lineSeparator();

  private final AtomicLong nanos = new AtomicLong();
  private final StringWriter text = new StringWriter();

  @Test
  void barRedrawsInPlaceWithRateAndEtaAndPrintsFailuresAbove() {
    Progress bar = new Progress.Bar(new PrintWriter(text), nanos::get);
    bar.start(4);
    nanos.set(2_000_000_000L);
    bar.finished("a.png", Progress.Outcome.SCORED, "");
    nanos.set(4_000_000_000L);
    bar.finished("b.png", Progress.Outcome.FAILED, "CORRUPT_INPUT: b.png: truncated");
    bar.end();

    assertThat(text.toString())
        .isEqualTo(
            "\r\033[K[#######                       ] 1/4  0.50 img/s  ETA 0m06s"
                + "\r\033[Kfailed b.png: CORRUPT_INPUT: b.png: truncated" + NL
                + "\r\033[K[###############               ] 2/4  0.25 img/s  ETA 0m08s" + NL);
  }

  @Test
  void skippedInputsDoNotCountTowardsTheRate() {
    Progress lines = new Progress.Lines(new PrintWriter(text), nanos::get);
    lines.start(3);
    nanos.set(1_000_000_000L);
    lines.finished("a.png", Progress.Outcome.SKIPPED, "");
    lines.finished("b.png", Progress.Outcome.SCORED, "");
    nanos.set(3_700_000_000_000L);
    lines.finished("c.png", Progress.Outcome.SCORED, "");

    assertThat(text.toString().lines())
        .containsExactly(
            "[1/3] skipped a.png (0.00 img/s, ETA ?)",
            "[2/3] scored b.png (1.00 img/s, ETA 0m01s)",
            "[3/3] scored c.png (0.00 img/s, ETA 0m00s)");
  }
}
