package org.latentcadx.cli.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.latentcadx.cli.io.AtomicFiles;

/**
 * The node's folder, which holds everything it has not finished with, so that a restart after a crash
 * carries on where the crash left off:
 *
 * <pre>
 * incoming/NAME.dcm       received (durable before the C-STORE response), waiting to be scored
 * outgoing/NAME/          results of one received instance, waiting to be delivered
 * done/NAME.json          record of an instance whose results were all delivered
 * failed/NAME.dcm, .json  instance that could not be stored or scored, and why
 * status.json             the node's counters
 * </pre>
 *
 * NAME is the instance's SOP Instance UID when that is a valid UID, otherwise {@code uid-} and the
 * SHA-256 of the UID text: nothing a peer sends can name a path outside the folder. The folder's size
 * is bounded by a disk budget that a new instance is checked against.
 */
final class Spool {

  private static final Pattern UID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");
  private static final int UID_MAX_LENGTH = 64;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path root;
  private final long budgetBytes;
  private static final long USAGE_REFRESH_NANOS = 1_000_000_000L;

  private final AtomicLong bytesInFlight = new AtomicLong();
  private final Set<String> receiving = ConcurrentHashMap.newKeySet();
  private long usedCache;
  private long usedMeasuredAt;

  private Spool(Path root, long budgetBytes) {
    this.root = root;
    this.budgetBytes = budgetBytes;
  }

  /**
   * Opens (creating) the folder and deletes temporary files that writes interrupted by a crash left.
   */
  static Spool open(Path root, long budgetBytes) throws IOException {
    Spool spool = new Spool(root.toAbsolutePath().normalize(), budgetBytes);
    for (String folder : List.of("incoming", "outgoing", "done", "failed")) {
      Files.createDirectories(spool.root.resolve(folder));
    }
    AtomicFiles.deleteLeftovers(spool.root);
    try (Stream<Path> results = Files.list(spool.root.resolve("outgoing"))) {
      for (Path partial : results.filter(AtomicFiles::isLeftover).toList()) {
        deleteTree(partial);
      }
    }
    return spool;
  }

  /** The file name for an instance (see the class comment). */
  static String nameFor(String sopInstanceUid) {
    if (sopInstanceUid.length() <= UID_MAX_LENGTH && UID.matcher(sopInstanceUid).matches()) {
      return sopInstanceUid;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(sopInstanceUid.getBytes(StandardCharsets.UTF_8));
      return "uid-" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  Path root() {
    return root;
  }

  Path incoming(String name) {
    return child("incoming", name + ".dcm");
  }

  Path outgoing(String name) {
    return child("outgoing", name);
  }

  Path doneRecord(String name) {
    return child("done", name + ".json");
  }

  Path failed(String name) {
    return child("failed", name + ".dcm");
  }

  Path failedRecord(String name) {
    return child("failed", name + ".json");
  }

  Path status() {
    return root.resolve("status.json");
  }

  /** A new temporary path beside {@code target}, for a file or folder that will be renamed onto it. */
  static Path temporaryFor(Path target) {
    return target.resolveSibling(target.getFileName() + AtomicFiles.TEMP_MARKER
        + Long.toUnsignedString(RANDOM.nextLong(), 36));
  }

  /**
   * Claims {@code name} for one association's transfer; false when another association is receiving
   * the same instance right now. Release with {@link #endReceiving}.
   */
  boolean startReceiving(String name) {
    return receiving.add(name);
  }

  void endReceiving(String name) {
    receiving.remove(name);
  }

  /** True when the instance was received before (waiting, scored, delivered or failed). */
  boolean knows(String name) {
    return Files.exists(incoming(name))
        || Files.exists(outgoing(name))
        || Files.exists(doneRecord(name))
        || Files.exists(failedRecord(name));
  }

  /** Received instances waiting to be scored, oldest first. */
  List<String> waitingToBeScored() throws IOException {
    return namesByAge("incoming", ".dcm");
  }

  /** Result sets waiting to be delivered, oldest first. */
  List<String> waitingToBeDelivered() throws IOException {
    return namesByAge("outgoing", "");
  }

  /**
   * Reserves {@code bytes} for a file being received; false (nothing reserved) when the folder plus
   * every reservation would exceed the budget.
   */
  boolean reserve(long bytes) throws IOException {
    long used = recentUsedBytes();
    while (true) {
      long inFlight = bytesInFlight.get();
      if (used + inFlight + bytes > budgetBytes) {
        return false;
      }
      if (bytesInFlight.compareAndSet(inFlight, inFlight + bytes)) {
        return true;
      }
    }
  }

  /**
   * Returns a reservation: the bytes were discarded, or ({@code kept}) are now a file in the folder,
   * counted as used until the next measurement.
   */
  void release(long bytes, boolean kept) {
    if (kept) {
      synchronized (this) {
        usedCache += bytes;
      }
    }
    bytesInFlight.addAndGet(-bytes);
  }

  /** {@link #usedBytes}, measured at most {@link #USAGE_REFRESH_NANOS} ago (a walk per fragment is too slow). */
  private long recentUsedBytes() throws IOException {
    long now = System.nanoTime();
    synchronized (this) {
      if (usedMeasuredAt == 0 || now - usedMeasuredAt > USAGE_REFRESH_NANOS) {
        usedCache = usedBytes();
        usedMeasuredAt = now;
      }
      return usedCache;
    }
  }

  /** Bytes the files in the folder take. */
  long usedBytes() throws IOException {
    for (int attempt = 1; ; attempt++) {
      try (Stream<Path> files = Files.walk(root)) {
        return files.filter(Files::isRegularFile).mapToLong(Spool::sizeOrZero).sum();
      } catch (java.io.UncheckedIOException e) {
        if (attempt == 3) {
          throw e.getCause(); // a folder vanished mid-walk three times over
        }
      }
    }
  }

  static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(each);
      }
    }
  }

  private List<String> namesByAge(String folder, String suffix) throws IOException {
    List<Path> entries = new ArrayList<>();
    try (Stream<Path> list = Files.list(root.resolve(folder))) {
      list.filter(p -> !AtomicFiles.isLeftover(p) && p.getFileName().toString().endsWith(suffix))
          .forEach(entries::add);
    }
    entries.sort(Comparator.comparingLong(Spool::modifiedOrZero).thenComparing(Path::toString));
    return entries.stream().map(p -> {
      String file = p.getFileName().toString();
      return file.substring(0, file.length() - suffix.length());
    }).toList();
  }

  /** {@code folder/file}, checked to stay inside the folder. */
  private Path child(String folder, String file) {
    Path parent = root.resolve(folder);
    Path path = parent.resolve(file).normalize();
    if (!path.getParent().equals(parent)) {
      throw new IllegalArgumentException("not a plain file name: " + file);
    }
    return path;
  }

  private static long sizeOrZero(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // deleted while walking
    }
  }

  private static long modifiedOrZero(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
