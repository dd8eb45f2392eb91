package org.latentcadx.sdk.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixtures made by {@code src/test/fixtures/make_dicom_fixtures.py} (pydicom, dcmtk, OpenJPEG),
 * described by its {@code manifest.tsv}.
 */
final class DicomFixtures {

  static final Path DIRECTORY = Path.of("src/test/resources/dicom");

  /** A fixture the reader must decode to the expected grey levels. */
  record Readable(String file, String transferSyntax, String expectedFile, double maxAbsError,
      String laterality, String view, String spacing, int bitsStored) {
    Path path() {
      return DIRECTORY.resolve(file);
    }

    float[] expectedPixels() {
      return floats(DIRECTORY.resolve(expectedFile));
    }

    @Override
    public String toString() {
      return file;
    }
  }

  /** A fixture the reader must refuse with this error code and a message containing {@code word}. */
  record Rejected(String file, String code, String word) {
    Path path() {
      return DIRECTORY.resolve(file);
    }

    @Override
    public String toString() {
      return file;
    }
  }

  private DicomFixtures() {}

  static Stream<Readable> readable() {
    return rows().filter(row -> row[0].equals("read")).map(row -> new Readable(row[1], row[2], row[3],
        Double.parseDouble(row[4]), row[5], row[6], row[7], Integer.parseInt(row[8])));
  }

  static Stream<Rejected> rejected() {
    return rows().filter(row -> row[0].equals("reject")).map(row -> new Rejected(row[1], row[2], row[3]));
  }

  static List<Path> allDicomFiles() {
    try (Stream<Path> files = Files.list(DIRECTORY)) {
      return files.filter(file -> file.toString().endsWith(".dcm")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<String[]> rows() {
    try {
      return Files.readAllLines(DIRECTORY.resolve("manifest.tsv")).stream()
          .filter(line -> !line.startsWith("#") && !line.isBlank())
          .map(line -> line.split("\t", -1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static float[] floats(Path file) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[buffer.remaining() / 4];
    buffer.asFloatBuffer().get(values);
    return values;
  }
}
