package org.latentcadx.sdk.internal.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Native-order direct buffers for one batch of tiles (input, probability output, mask output) and the
 * ONNX Runtime tensors that wrap them without copying. A full batch reuses the same tensors run after
 * run; a shorter last batch gets temporary tensors over the first part of the same buffers. One {@code
 * detect} call uses an instance at a time; {@link BatchBufferPool} hands them out.
 */
final class BatchBuffers implements AutoCloseable {

  private final int capacity;
  private final int tilePixels;
  private final FloatBuffer input;
  private final FloatBuffer probabilities;
  private final FloatBuffer masks;
  private final Tensors full;

  BatchBuffers(OrtEnvironment env, int capacity, int tileSize) throws OrtException {
    this.capacity = capacity;
    this.tilePixels = tileSize * tileSize;
    this.input = allocate(capacity * tilePixels);
    this.probabilities = allocate(capacity);
    this.masks = allocate(capacity * tilePixels);
    this.full = Tensors.create(env, this, capacity, tileSize);
  }

  private static FloatBuffer allocate(int floats) {
    return ByteBuffer.allocateDirect(Math.multiplyExact(floats, Float.BYTES))
        .order(ByteOrder.nativeOrder())
        .asFloatBuffer();
  }

  int capacity() {
    return capacity;
  }

  /** The input buffer; tile {@code i} starts at float {@code i · T²}. */
  FloatBuffer input() {
    return input;
  }

  /** Probability of tile {@code i} after a run. */
  float probability(int i) {
    return probabilities.get(i);
  }

  /** The mask buffer; tile {@code i}'s mask starts at float {@code i · T²}. */
  FloatBuffer masks() {
    return masks;
  }

  /** Tensors for a batch of {@code count} tiles; the caller closes them unless they are {@link #full}. */
  Tensors tensorsFor(OrtEnvironment env, int count, int tileSize) throws OrtException {
    return count == capacity ? full : Tensors.create(env, this, count, tileSize);
  }

  boolean isShared(Tensors tensors) {
    return tensors == full;
  }

  @Override
  public void close() {
    full.close();
  }

  /** Input and output tensors over the first {@code count} tiles of the buffers. */
  record Tensors(OnnxTensor input, OnnxTensor probability, OnnxTensor mask) implements AutoCloseable {

    static Tensors create(OrtEnvironment env, BatchBuffers buffers, int count, int tileSize)
        throws OrtException {
      long[] imageShape = {count, 1, tileSize, tileSize};
      int pixels = count * buffers.tilePixels;
      OnnxTensor input = OnnxTensor.createTensor(env, buffers.input.slice(0, pixels), imageShape);
      try {
        OnnxTensor probability =
            OnnxTensor.createTensor(env, buffers.probabilities.slice(0, count), new long[] {count});
        try {
          OnnxTensor mask = OnnxTensor.createTensor(env, buffers.masks.slice(0, pixels), imageShape);
          return new Tensors(input, probability, mask);
        } catch (OrtException | RuntimeException e) {
          probability.close();
          throw e;
        }
      } catch (OrtException | RuntimeException e) {
        input.close();
        throw e;
      }
    }

    @Override
    public void close() {
      input.close();
      probability.close();
      mask.close();
    }
  }
}
