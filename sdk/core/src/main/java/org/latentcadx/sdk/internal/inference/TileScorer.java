package org.latentcadx.sdk.internal.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.internal.FloatGrid;
import org.latentcadx.sdk.model.ModelContract;
import org.latentcadx.sdk.internal.tiling.PixelOrigin;
import org.latentcadx.sdk.internal.tiling.TileGrid;

/**
 * Runs the model over every tile of a grid in batches. Tiles are copied into reused direct buffers;
 * outputs are written by ONNX Runtime straight into pinned direct buffers and handed to a {@link
 * TileConsumer} before the next batch overwrites them. Safe for concurrent {@link #score} calls (ONNX
 * Runtime sessions are; each call borrows its own buffers).
 */
public final class TileScorer implements AutoCloseable {

  /** Receives each tile's outputs, in grid order. */
  @FunctionalInterface
  public interface TileConsumer {
    /**
     * @param masks the batch's mask buffer; this tile's {@code T × T} mask starts at {@code maskOffset}
     *     (row-major); valid only during the call
     */
    void accept(int tileIndex, float probability, FloatBuffer masks, int maskOffset);
  }

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final ModelContract contract;
  private final BatchBufferPool buffers;

  /**
   * @param maxIdleBuffers how many batch buffer sets to keep for reuse between calls
   */
  public TileScorer(OrtSession session, ModelContract contract, int batchSize, int maxIdleBuffers) {
    this.session = session;
    this.contract = contract;
    this.buffers = new BatchBufferPool(env, batchSize, contract.tileSize(), maxIdleBuffers);
  }

  /**
   * Scores every tile of {@code grid} over {@code image}, which must be at least the grid's padded size.
   *
   * @throws LatentCadxException {@code INFERENCE_FAILED} when ONNX Runtime fails
   */
  public void score(FloatGrid image, TileGrid grid, TileConsumer consumer) throws LatentCadxException {
    BatchBuffers batch = borrow();
    try {
      int tileSize = grid.tileSize();
      int tilePixels = tileSize * tileSize;
      for (int first = 0; first < grid.size(); first += batch.capacity()) {
        int count = Math.min(batch.capacity(), grid.size() - first);
        for (int i = 0; i < count; i++) {
          copyTile(image, grid.tile(first + i).origin(), tileSize, batch.input(), i * tilePixels);
        }
        run(batch, count, tileSize);
        for (int i = 0; i < count; i++) {
          consumer.accept(first + i, batch.probability(i), batch.masks(), i * tilePixels);
        }
      }
    } finally {
      buffers.release(batch);
    }
  }

  private BatchBuffers borrow() throws LatentCadxException {
    try {
      return buffers.borrow();
    } catch (OrtException e) {
      throw new LatentCadxException(
          ErrorCode.INFERENCE_FAILED, "cannot create input tensors: " + e.getMessage(), e);
    }
  }

  private static void copyTile(
      FloatGrid image, PixelOrigin origin, int tileSize, FloatBuffer input, int offset) {
    float[] data = image.data();
    for (int row = 0; row < tileSize; row++) {
      int source = (origin.y() + row) * image.width() + origin.x();
      input.put(offset + row * tileSize, data, source, tileSize);
    }
  }

  private void run(BatchBuffers batch, int count, int tileSize) throws LatentCadxException {
    BatchBuffers.Tensors tensors = null;
    try {
      tensors = batch.tensorsFor(env, count, tileSize);
      // The outputs are written into the pinned buffers; the result only has to be released.
      session
          .run(
              Map.of(contract.inputName(), tensors.input()),
              Map.of(
                  contract.probabilityOutputName(), tensors.probability(),
                  contract.maskOutputName(), tensors.mask()))
          .close();
    } catch (OrtException e) {
      throw new LatentCadxException(
          ErrorCode.INFERENCE_FAILED,
          "model '" + contract.modelName() + "' failed on a batch of " + count + " tiles of "
              + tileSize + "x" + tileSize + ": " + e.getMessage().strip(),
          e);
    } finally {
      if (tensors != null && !batch.isShared(tensors)) {
        tensors.close();
      }
    }
  }

  @Override
  public void close() {
    buffers.close();
  }
}
