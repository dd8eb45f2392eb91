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
 * Runs a third-party decoder under a deadline. A decode past it is abandoned with CORRUPT_INPUT and its
 * thread interrupted; decoders that read through a {@link GuardedImageInputStream} (JPEG 2000, whose
 * JJ2000 decoder can loop forever on a hostile packet header) then fail at their next read, so the
 * thread ends on every JDK without {@code Thread.stop}.
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

  private static void abandon(Thread thread) {
    thread.interrupt();
    try {
      thread.join(GRACE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
