package org.latentcadx.sdk.dicom;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An in-memory image stream that a decoder cannot spin on forever: every read fails once the reading
 * thread is interrupted (so a decode abandoned at its deadline ends at its next read, on every JDK), and
 * reading past the end of the data yields end-of-stream only up to a budget, then fails. JJ2000 (the
 * JPEG 2000 decoder) otherwise reads a hostile packet header's end-of-stream as endless one bits.
 */
final class GuardedImageInputStream extends ImageInputStreamImpl {
  /** End-of-stream answers allowed before reads past the end fail. */
  static final int PAST_END_BUDGET = 1 << 16;

  private final byte[] data;
  private final int pastEndBudget;
  private int pastEndReads;

  GuardedImageInputStream(byte[] data) {
    this(data, PAST_END_BUDGET);
  }

  /** A stream over {@code data} answering at most {@code pastEndBudget} reads past its end. */
  GuardedImageInputStream(byte[] data, int pastEndBudget) {
    this.data = data;
    this.pastEndBudget = pastEndBudget;
  }

  @Override
  public int read() throws IOException {
    checkReadable();
    bitOffset = 0;
    if (streamPos >= data.length) {
      return pastEnd();
    }
    return data[(int) streamPos++] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    checkReadable();
    bitOffset = 0;
    if (length == 0) {
      return 0;
    }
    if (streamPos >= data.length) {
      return pastEnd();
    }
    int n = (int) Math.min(length, data.length - streamPos);
    System.arraycopy(data, (int) streamPos, buffer, offset, n);
    streamPos += n;
    return n;
  }

  @Override
  public long length() {
    return data.length;
  }

  private void checkReadable() throws IOException {
    checkClosed();
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("decoding was abandoned");
    }
  }

  private int pastEnd() throws EOFException {
    if (++pastEndReads > pastEndBudget) {
      throw new EOFException("the code stream ends before the decoder is done with it");
    }
    return -1;
  }
}
