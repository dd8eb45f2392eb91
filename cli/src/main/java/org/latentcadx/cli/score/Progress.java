package org.latentcadx.cli.score;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Reports how far a batch has got: a redrawn one-line bar with rate and ETA on a terminal, plain log
 * lines otherwise (pipes, files, CI logs). Rate and ETA count only inputs actually scored, not those
 * skipped as already done.
 */
public abstract class Progress {

  /** What happened to one input. */
  public enum Outcome {
    SCORED,
    SKIPPED,
    FAILED
  }

  final PrintWriter out;
  private final LongSupplier nanoClock;
  private int total;
  private int finished;
  private int scored;
  private long startNanos;

  Progress(PrintWriter out, LongSupplier nanoClock) {
    this.out = out;
    this.nanoClock = nanoClock;
  }

  /** A bar when {@code terminal}, log lines otherwise, both on {@code out}. */
  public static Progress to(PrintWriter out, boolean terminal) {
    return terminal ? new Bar(out, System::nanoTime) : new Lines(out, System::nanoTime);
  }

  /** Starts counting {@code totalInputs} inputs. */
  public synchronized void start(int totalInputs) {
    total = totalInputs;
    startNanos = nanoClock.getAsLong();
  }

  /** Records that {@code key} finished with {@code outcome}. */
  public synchronized void finished(String key, Outcome outcome, String detail) {
    finished++;
    if (outcome == Outcome.SCORED) {
      scored++;
    }
    report(out, key, outcome, detail);
  }

  /** Ends the report. */
  public synchronized void end() {
    out.flush();
  }

  abstract void report(PrintWriter out, String key, Outcome outcome, String detail);

  /** {@code finished/total} as text, e.g. {@code "3/10"}. */
  String count() {
    return finished + "/" + total;
  }

  /** Scored inputs per second so far. */
  double rate() {
    double seconds = (nanoClock.getAsLong() - startNanos) / 1e9;
    return seconds > 0 ? scored / seconds : 0;
  }

  /** Estimated time left, assuming the inputs left are scored at the current rate. */
  String eta() {
    double rate = rate();
    if (finished == total) {
      return "0m00s";
    }
    if (rate <= 0) {
      return "?";
    }
    long seconds = Math.round((total - finished) / rate);
    Duration left = Duration.ofSeconds(seconds);
    return left.toHours() > 0
        ? String.format(Locale.ROOT, "%dh%02dm", left.toHours(), left.toMinutesPart())
        : String.format(Locale.ROOT, "%dm%02ds", left.toMinutes(), left.toSecondsPart());
  }

  int finished() {
    return finished;
  }

  int total() {
    return total;
  }

  /** One line per input: {@code [3/10] scored a/b.dcm (0.42 img/s, ETA 0m17s)}. */
  static final class Lines extends Progress {
    Lines(PrintWriter out, LongSupplier nanoClock) {
      super(out, nanoClock);
    }

    @Override
    void report(PrintWriter out, String key, Outcome outcome, String detail) {
      out.printf(
          Locale.ROOT,
          "[%s] %s %s%s (%.2f img/s, ETA %s)%n",
          count(),
          outcome.name().toLowerCase(Locale.ROOT),
          key,
          detail.isEmpty() ? "" : ": " + detail,
          rate(),
          eta());
    }
  }

  /** A bar redrawn in place with a carriage return; failures are printed above it. */
  static final class Bar extends Progress {
    private static final int WIDTH = 30;

    Bar(PrintWriter out, LongSupplier nanoClock) {
      super(out, nanoClock);
    }

    @Override
    public void end() {
      if (total() > 0) {
        out.println();
      }
      super.end();
    }

    @Override
    void report(PrintWriter out, String key, Outcome outcome, String detail) {
      if (outcome == Outcome.FAILED) {
        out.printf(Locale.ROOT, "\r\033[Kfailed %s: %s%n", key, detail);
      }
      int filled = total() == 0 ? WIDTH : finished() * WIDTH / total();
      out.printf(
          Locale.ROOT,
          "\r\033[K[%s%s] %s  %.2f img/s  ETA %s",
          "#".repeat(filled),
          " ".repeat(WIDTH - filled),
          count(),
          rate(),
          eta());
      out.flush();
    }
  }
}
