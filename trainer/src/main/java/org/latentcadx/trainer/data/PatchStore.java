package org.latentcadx.trainer.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Read access to a patch store built by {@link PatchStoreWriter}: random access to patches by index,
 * selection by fold, and assembly of NCHW training batches.
 *
 * <p>Typical use by the trainer (validation fold {@code k}):
 *
 * <pre>{@code
 * PatchStore store = PatchStore.open(dir);
 * int[] train = store.indicesExcludingFolds(k);
 * int[] validation = store.indicesInFolds(k);
 * Random random = new Random(seed);
 * for (int[] batch : PatchStore.shuffledBatches(train, 32, random)) {
 *   PatchBatch b = store.batch(batch, Augmentation.paper(), random);   // b.images(): [B,1,256,256]
 * }
 * PatchBatch v = store.batch(validation, Augmentation.none(), random);  // centre crops, no noise
 * }</pre>
 *
 * <p>The data file is memory-mapped, so opening is cheap and pages are read on demand. Instances are
 * immutable and safe to use from several threads.
 */
public final class PatchStore {

  private final Path directory;
  private final StoreIndex index;
  private final MappedByteBuffer[] segments;
  private final int recordsPerSegment;
  private final int recordBytes;

  private PatchStore(Path directory, StoreIndex index, MappedByteBuffer[] segments, int recordsPerSegment) {
    this.directory = directory;
    this.index = index;
    this.segments = segments;
    this.recordsPerSegment = recordsPerSegment;
    this.recordBytes = (int) StoreIndex.recordBytes(index.contextSize());
  }

  /**
   * Opens the store in {@code directory}.
   *
   * @throws IOException when the index or data file is missing, of another format, or of the wrong size
   */
  public static PatchStore open(Path directory) throws IOException {
    Path indexFile = directory.resolve(StoreIndex.INDEX_FILE);
    Path dataFile = directory.resolve(StoreIndex.DATA_FILE);
    if (!Files.isRegularFile(indexFile)) {
      throw new NoSuchFileException(
          indexFile.toString(), null, "no patch-store index (was the store written to the end?)");
    }
    StoreIndex index = new ObjectMapper().readValue(indexFile.toFile(), StoreIndex.class);
    if (!StoreIndex.FORMAT.equals(index.format()) || index.version() != StoreIndex.VERSION) {
      throw new IOException(
          indexFile + ": format '" + index.format() + "' version " + index.version() + ", expected '"
              + StoreIndex.FORMAT + "' version " + StoreIndex.VERSION);
    }
    long recordBytes = StoreIndex.recordBytes(index.contextSize());
    long expected = recordBytes * index.records().size();
    long actual = Files.size(dataFile);
    if (actual != expected) {
      throw new IOException(
          dataFile + ": " + actual + " bytes, expected " + expected + " for " + index.records().size()
              + " patches of " + recordBytes + " bytes");
    }
    int perSegment = (int) Math.max(1, Integer.MAX_VALUE / recordBytes);
    int count = index.records().size();
    MappedByteBuffer[] segments = new MappedByteBuffer[(count + perSegment - 1) / perSegment];
    try (FileChannel channel = FileChannel.open(dataFile, StandardOpenOption.READ)) {
      for (int s = 0; s < segments.length; s++) {
        long start = s * (long) perSegment * recordBytes;
        long length = Math.min((long) perSegment * recordBytes, expected - start);
        segments[s] = channel.map(FileChannel.MapMode.READ_ONLY, start, length);
        segments[s].order(ByteOrder.LITTLE_ENDIAN);
      }
    }
    return new PatchStore(directory, index, segments, perSegment);
  }

  /** The directory the store was opened from. */
  public Path directory() {
    return directory;
  }

  /** Number of patches. */
  public int size() {
    return index.records().size();
  }

  /** Edge of the patches the model sees (256). */
  public int tileSize() {
    return index.tileSize();
  }

  /** Edge of the stored context windows (≥ {@link #tileSize()}). */
  public int contextSize() {
    return index.contextSize();
  }

  /** Number of cross-validation folds. */
  public int folds() {
    return index.folds();
  }

  /** Metadata of patch {@code i}. */
  public PatchRecord record(int i) {
    return index.records().get(i);
  }

  /** Metadata of all patches, in index order. */
  public List<PatchRecord> records() {
    return index.records();
  }

  /** Indices of the patches in any of the given folds, ascending. */
  public int[] indicesInFolds(int... folds) {
    return IntStream.range(0, size()).filter(i -> contains(folds, record(i).fold())).toArray();
  }

  /** Indices of the patches in none of the given folds (e.g. the training set of fold k), ascending. */
  public int[] indicesExcludingFolds(int... folds) {
    return IntStream.range(0, size()).filter(i -> !contains(folds, record(i).fold())).toArray();
  }

  private static boolean contains(int[] values, int value) {
    return Arrays.stream(values).anyMatch(v -> v == value);
  }

  /** The full stored patch {@code i} (context window, image in [0, 1]). */
  public Patch patch(int i) {
    int n = contextSize() * contextSize();
    float[] image = new float[n];
    byte[] outline = new byte[n];
    byte[] latent = new byte[n];
    MappedByteBuffer segment = segments[i / recordsPerSegment];
    int base = (i % recordsPerSegment) * recordBytes;
    for (int p = 0; p < n; p++) {
      image[p] = Short.toUnsignedInt(segment.getShort(base + 2 * p)) / 65535f;
    }
    segment.get(base + 2 * n, outline);
    segment.get(base + 3 * n, latent);
    return new Patch(record(i), contextSize(), image, outline, latent);
  }

  /**
   * Assembles the patches {@code indices} into one batch of model tiles, each augmented independently
   * (use {@link Augmentation#none()} for plain centre tiles).
   */
  public PatchBatch batch(int[] indices, Augmentation augmentation, Random random) {
    int tile = tileSize();
    int plane = tile * tile;
    float[] images = new float[indices.length * plane];
    float[] outlines = new float[indices.length * plane];
    float[] latents = new float[indices.length * plane];
    float[] labels = new float[indices.length];
    boolean[] latentKnown = new boolean[indices.length];
    for (int b = 0; b < indices.length; b++) {
      Patch patch = patch(indices[b]);
      augmentation.apply(patch, tile, random, images, outlines, latents, b * plane);
      labels[b] = patch.record().label();
      latentKnown[b] = patch.record().latentKnown();
    }
    return new PatchBatch(tile, indices.clone(), images, outlines, latents, labels, latentKnown);
  }

  /**
   * Splits {@code indices} into batches of {@code batchSize} after shuffling them with {@code random};
   * the last batch may be smaller.
   */
  public static List<int[]> shuffledBatches(int[] indices, int batchSize, Random random) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
    int[] order = indices.clone();
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return IntStream.range(0, (order.length + batchSize - 1) / batchSize)
        .mapToObj(k -> Arrays.copyOfRange(order, k * batchSize, Math.min(order.length, (k + 1) * batchSize)))
        .toList();
  }
}
