package org.latentcadx.sdk.dicom;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;

/**
 * Runs a third-party decoder under a deadline. Some decoders loop forever on hostile code streams (the
 * JJ2000 JPEG 2000 decoder does, in its packet-header reader); such a decode is abandoned with
 * CORRUPT_INPUT, and its thread is stopped so that it does not keep burning a core.
 */
final class DecodeDeadline {

  private static final long GRACE_MILLIS = 200;

  private DecodeDeadline() {}

  /**
   * The decoder's result, or its own exception; CORRUPT_INPUT naming {@code source} if it runs past
   * {@code timeout}.
   */
  static <T> T call(Callable<T> decoder, Duration timeout, String source, String what)
      throws LatentCadxException, ExecutionException {
    FutureTask<T> task = new FutureTask<>(decoder);
    Thread thread = new Thread(task, "latentcadx-dicom-decode");
    thread.setDaemon(true);
    thread.start();
    try {
      return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      abandon(thread);
      throw new LatentCadxException(ErrorCode.CORRUPT_INPUT, source + ": decoding the " + what
          + " did not finish within " + timeout.toMillis() + " ms; the code stream is corrupt or hostile",
          e);
    } catch (InterruptedException e) {
      abandon(thread);
      Thread.currentThread().interrupt();
      throw new LatentCadxException(ErrorCode.IO_ERROR, source + ": interrupted while decoding", e);
    }
  }

  @SuppressWarnings({"deprecation", "removal"})
  private static void abandon(Thread thread) {
    thread.interrupt();
    try {
      thread.join(GRACE_MILLIS);
      if (thread.isAlive()) {
        // Decoders do not check for interruption; stopping is safe here because the decoder and all
        // its state belong to this thread alone. Newer JDKs refuse, and the thread is left to finish.
        thread.stop();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (UnsupportedOperationException refused) {
      // JDK 20 and later: nothing more can be done.
    }
  }
}
