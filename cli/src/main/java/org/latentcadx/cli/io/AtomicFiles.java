package org.latentcadx.cli.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * Writes files so that a reader (or a rerun after a crash) never sees a half-written one: content goes
 * to a temporary file beside the target ({@code name + TEMP_MARKER + random}), which is then renamed
 * onto the target with {@link StandardCopyOption#ATOMIC_MOVE}.
 */
public final class AtomicFiles {

  /** Part of every temporary file name; {@link #deleteLeftovers} removes files that carry it. */
  public static final String TEMP_MARKER = ".partial-";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Writes the content of one file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes a whole file at the path it is given (e.g. a library's writer that takes a path). */
  @FunctionalInterface
  public interface FileContent<E extends Exception> {
    void writeTo(Path file) throws E, IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code content} to {@code target} atomically, creating parent folders. */
  public static void write(Path target, Content content) throws IOException {
    writeFile(
        target,
        temp -> {
          try (OutputStream out = Files.newOutputStream(temp)) {
            content.writeTo(out);
          }
        });
  }

  /**
   * Has {@code content} write a temporary file beside {@code target}, then renames it onto {@code
   * target} atomically; creates parent folders.
   */
  public static <E extends Exception> void writeFile(Path target, FileContent<E> content)
      throws E, IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = createTemp(parent, target.getFileName().toString());
    try {
      content.writeTo(temp);
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Creates an empty temporary file for {@code name} in {@code folder} with the permissions any new
   * file gets there (0666 less the process umask: 0644 under the usual 022), unlike {@link
   * Files#createTempFile}, whose files are private (0600) and would stay so after the rename.
   */
  private static Path createTemp(Path folder, String name) throws IOException {
    while (true) {
      Path temp =
          folder.resolve(name + TEMP_MARKER + Long.toUnsignedString(RANDOM.nextLong(), 36));
      try {
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException e) {
        // another writer drew the same name: draw again
      }
    }
  }

  /** Writes {@code bytes} to {@code target} atomically, creating parent folders. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "the file system of " + target + " cannot rename atomically; choose another output folder", e);
    }
  }

  /** True when {@code file}'s name marks it as a temporary file of an interrupted write. */
  public static boolean isLeftover(Path file) {
    return file.getFileName().toString().contains(TEMP_MARKER);
  }

  /**
   * Deletes the temporary files that interrupted writes left in {@code folder} and its subfolders.
   *
   * @return how many were deleted
   */
  public static int deleteLeftovers(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    int deleted = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry)) {
          deleted += deleteLeftovers(entry);
        } else if (isLeftover(entry) && Files.deleteIfExists(entry)) {
          deleted++;
        }
      }
    }
    return deleted;
  }
}
