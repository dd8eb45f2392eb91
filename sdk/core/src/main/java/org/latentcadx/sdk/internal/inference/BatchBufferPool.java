package org.latentcadx.sdk.internal.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands each concurrent {@code detect} call its own {@link BatchBuffers} and keeps returned ones for
 * reuse, so steady-state detection allocates no new direct memory. Keeps at most {@code maxIdle} idle
 * instances; closes everything on {@link #close()}.
 */
final class BatchBufferPool implements AutoCloseable {

  private final OrtEnvironment env;
  private final int batchSize;
  private final int tileSize;
  private final int maxIdle;
  private final List<BatchBuffers> idle = new ArrayList<>();
  private boolean closed;

  BatchBufferPool(OrtEnvironment env, int batchSize, int tileSize, int maxIdle) {
    this.env = env;
    this.batchSize = batchSize;
    this.tileSize = tileSize;
    this.maxIdle = maxIdle;
  }

  BatchBuffers borrow() throws OrtException {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the detector is closed");
      }
      if (!idle.isEmpty()) {
        return idle.remove(idle.size() - 1);
      }
    }
    return new BatchBuffers(env, batchSize, tileSize);
  }

  void release(BatchBuffers buffers) {
    synchronized (this) {
      if (!closed && idle.size() < maxIdle) {
        idle.add(buffers);
        return;
      }
    }
    buffers.close();
  }

  @Override
  public synchronized void close() {
    closed = true;
    idle.forEach(BatchBuffers::close);
    idle.clear();
  }
}
