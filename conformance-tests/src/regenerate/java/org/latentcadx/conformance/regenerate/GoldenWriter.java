package org.latentcadx.conformance.regenerate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.latentcadx.conformance.GoldenFormat;
import org.latentcadx.conformance.Tensor;
import org.latentcadx.conformance.TensorFiles;

/** Writes the files of one golden set under a goldens root, creating folders as needed. */
final class GoldenWriter {

  private final Path setFolder;

  GoldenWriter(Path root, String set) {
    this.setFolder = root.resolve(set);
  }

  Path setFolder() {
    return setFolder;
  }

  void bytes(String path, byte[] content) {
    Path file = setFolder.resolve(path);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write golden file " + file, e);
    }
  }

  void json(String path, Object value) {
    bytes(path, GoldenFormat.toJson(value));
  }

  void input(String caseFolder, int dataSet, int k, String name, Tensor tensor) {
    bytes(GoldenFormat.input(caseFolder, dataSet, k), TensorFiles.write(name, tensor));
  }

  void output(String caseFolder, int dataSet, int k, String name, Tensor tensor) {
    bytes(GoldenFormat.output(caseFolder, dataSet, k), TensorFiles.write(name, tensor));
  }
}
