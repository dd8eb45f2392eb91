package org.latentcadx.cli.serve;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * File operations that survive a power cut or {@code kill -9} once they return: contents forced to disk
 * before an atomic rename, and the folder forced after it, so that the new name is on disk too.
 */
final class Durable {

  private Durable() {}

  /** Forces {@code file}'s contents to disk. */
  static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /** Forces a folder's entries (names created, renamed or deleted in it) to disk. */
  static void forceFolder(Path folder) throws IOException {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /**
   * Renames {@code from} to {@code to} atomically (replacing {@code to}) after forcing {@code from}'s
   * contents (a file's, or every file's in a folder), then forces both folders.
   */
  static void move(Path from, Path to) throws IOException {
    if (Files.isDirectory(from)) {
      try (var files = Files.list(from)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          force(file);
        }
      }
      forceFolder(from);
    } else {
      force(from);
    }
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceFolder(to.getParent());
    if (!from.getParent().equals(to.getParent())) {
      forceFolder(from.getParent());
    }
  }
}
