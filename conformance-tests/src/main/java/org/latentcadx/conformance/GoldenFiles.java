package org.latentcadx.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Where golden files are read from: the kit's own classpath (the JAR a vendor runs) or a folder (a
 * checkout, or goldens regenerated elsewhere). Paths are relative to the goldens root and use '/'.
 */
public sealed interface GoldenFiles {

  /** The classpath folder of the goldens the kit ships. */
  String CLASSPATH_ROOT = "org/latentcadx/conformance/goldens/";

  /** The goldens on this kit's classpath. */
  static GoldenFiles bundled() {
    return new Bundled();
  }

  /** The goldens under {@code root}. */
  static GoldenFiles folder(Path root) {
    return new Folder(root);
  }

  /**
   * The bytes of {@code path}.
   *
   * @throws UncheckedIOException naming the file when it is missing or unreadable
   */
  byte[] read(String path);

  /** {@code path} as a file on disk (copied to a temporary file when it lives in a JAR). */
  Path file(String path);

  /** The names of the golden sets ({@value GoldenFormat#SETS}). */
  default List<String> sets() {
    return List.of(GoldenFormat.fromJson(read(GoldenFormat.SETS), String[].class, GoldenFormat.SETS));
  }

  /** The manifest of {@code set}. */
  default GoldenFormat.Manifest manifest(String set) {
    String file = set + "/" + GoldenFormat.MANIFEST;
    return GoldenFormat.fromJson(read(file), GoldenFormat.Manifest.class, file);
  }

  /** The goldens folder on the classpath. */
  record Bundled() implements GoldenFiles {
    @Override
    public byte[] read(String path) {
      try (InputStream in = open(path)) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read golden file " + path + " from the kit JAR", e);
      }
    }

    @Override
    public Path file(String path) {
      try (InputStream in = open(path)) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        Path copy = Files.createTempFile("latentcadx-golden-", "-" + name);
        copy.toFile().deleteOnExit();
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot extract golden file " + path + " from the kit JAR", e);
      }
    }

    private static InputStream open(String path) throws IOException {
      InputStream in = GoldenFiles.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + path);
      if (in == null) {
        throw new IOException("classpath resource " + CLASSPATH_ROOT + path + " is missing");
      }
      return in;
    }
  }

  /** A goldens folder on disk. */
  record Folder(Path root) implements GoldenFiles {
    @Override
    public byte[] read(String path) {
      try {
        return Files.readAllBytes(file(path));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read golden file " + root.resolve(path), e);
      }
    }

    @Override
    public Path file(String path) {
      return root.resolve(path);
    }
  }
}
