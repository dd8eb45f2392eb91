package org.latentcadx.trainer.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a patch store: patches are appended to {@code patches.bin} as they come, and {@code index.json}
 * is written on {@link #close()}. A store without an index (the writer failed) is not readable.
 */
public final class PatchStoreWriter implements AutoCloseable {

  private final Path directory;
  private final int tileSize;
  private final int contextSize;
  private final int folds;
  private final OutputStream data;
  private final ByteBuffer buffer;
  private final List<PatchRecord> records = new ArrayList<>();

  private PatchStoreWriter(Path directory, int tileSize, int contextSize, int folds) throws IOException {
    this.directory = directory;
    this.tileSize = tileSize;
    this.contextSize = contextSize;
    this.folds = folds;
    Files.createDirectories(directory);
    Files.deleteIfExists(directory.resolve(StoreIndex.INDEX_FILE));
    this.data =
        new BufferedOutputStream(Files.newOutputStream(directory.resolve(StoreIndex.DATA_FILE)), 1 << 20);
    this.buffer =
        ByteBuffer.allocate((int) StoreIndex.recordBytes(contextSize)).order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Starts a store in {@code directory} (created if needed; an existing store there is replaced).
   *
   * @param tileSize edge of the patches the model sees
   * @param contextSize edge of the stored windows, {@code ≥ tileSize} with an even difference
   * @param folds number of cross-validation folds the records' folds range over
   */
  public static PatchStoreWriter create(Path directory, int tileSize, int contextSize, int folds)
      throws IOException {
    if (tileSize <= 0 || contextSize < tileSize || (contextSize - tileSize) % 2 != 0) {
      throw new IllegalArgumentException(
          "context " + contextSize + " must be ≥ tile " + tileSize + " with an even difference");
    }
    if (folds <= 0) {
      throw new IllegalArgumentException("folds must be positive, got " + folds);
    }
    return new PatchStoreWriter(directory, tileSize, contextSize, folds);
  }

  /** Appends a patch; its size must be the store's context size and its fold below the fold count. */
  public void add(Patch patch) throws IOException {
    if (patch.size() != contextSize) {
      throw new IllegalArgumentException(
          "patch of " + patch.size() + " px in a store of " + contextSize + " px windows");
    }
    if (patch.record().fold() >= folds) {
      throw new IllegalArgumentException(
          "fold " + patch.record().fold() + " in a store of " + folds + " folds");
    }
    buffer.clear();
    for (float v : patch.image()) {
      buffer.putShort((short) Math.round(Math.min(1f, Math.max(0f, v)) * 65535f));
    }
    putMask(patch.outline());
    putMask(patch.latent());
    data.write(buffer.array(), 0, buffer.position());
    records.add(patch.record());
  }

  private void putMask(byte[] mask) {
    for (byte b : mask) {
      buffer.put(b != 0 ? (byte) 1 : (byte) 0);
    }
  }

  /** Number of patches added so far. */
  public int size() {
    return records.size();
  }

  /** Flushes the data and writes the index. */
  @Override
  public void close() throws IOException {
    data.close();
    StoreIndex index =
        new StoreIndex(
            StoreIndex.FORMAT,
            StoreIndex.VERSION,
            tileSize,
            contextSize,
            folds,
            StoreIndex.IMAGE_ENCODING,
            StoreIndex.MASK_ENCODING,
            records);
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(directory.resolve(StoreIndex.INDEX_FILE).toFile(), index);
  }
}
