package org.latentcadx.sdk.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs row-wise work on bands of rows: the calling thread takes the first band and up to {@code threads
 * − 1} threads started for the call take one band each, so that work whose rows are independent gives
 * the same values on any number of threads. Threads that would get fewer than {@code minRowsPerThread}
 * rows are not started.
 */
public final class RowBands {

  /** The work on rows [{@code first}, {@code end}). */
  @FunctionalInterface
  public interface Band<E extends Exception> {
    void run(int first, int end) throws E;
  }

  private RowBands() {}

  /**
   * Runs {@code band} over rows [0, {@code rows}) split into bands, and waits for all of them.
   *
   * @throws E the failure of the first band (in row order) that failed; runtime exceptions and errors
   *     likewise
   */
  @SuppressWarnings("unchecked")
  public static <E extends Exception> void run(int rows, int threads, int minRowsPerThread, Band<E> band)
      throws E {
    int bands = Math.max(1, Math.min(threads, rows / minRowsPerThread));
    Throwable[] failures = new Throwable[bands];
    List<Thread> helpers = new ArrayList<>();
    for (int index = 1; index < bands; index++) {
      int current = index;
      Thread helper =
          new Thread(() -> failures[current] = runBand(band, current, bands, rows), "latentcadx-rows");
      helper.setDaemon(true);
      helper.start();
      helpers.add(helper);
    }
    failures[0] = runBand(band, 0, bands, rows);
    joinAll(helpers);
    for (Throwable failure : failures) {
      if (failure instanceof RuntimeException e) {
        throw e;
      } else if (failure instanceof Error e) {
        throw e;
      } else if (failure != null) {
        throw (E) failure;
      }
    }
  }

  /** Rows [rows·index/bands, rows·(index+1)/bands); the failure, or null. */
  private static Throwable runBand(Band<?> band, int index, int bands, int rows) {
    try {
      band.run((int) ((long) rows * index / bands), (int) ((long) rows * (index + 1) / bands));
      return null;
    } catch (Exception | Error e) {
      return e;
    }
  }

  private static void joinAll(List<Thread> helpers) {
    boolean interrupted = false;
    for (Thread helper : helpers) {
      while (helper.isAlive()) {
        try {
          helper.join();
        } catch (InterruptedException e) {
          interrupted = true; // the bands take milliseconds; finish them, then keep the interrupt
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
