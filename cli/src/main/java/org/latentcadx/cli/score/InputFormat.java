package org.latentcadx.cli.score;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The image file formats {@code score} reads, recognised by content first and by extension second. */
public enum InputFormat {
  /** DICOM Part 10: {@code DICM} after the 128-byte preamble, or a {@code .dcm}/{@code .dicom} name. */
  DICOM,
  /** PNG (8 or 16 bit grey): the PNG signature, or a {@code .png} name. */
  PNG,
  /** TIFF: {@code II*\0} or {@code MM\0*}, or a {@code .tif}/{@code .tiff} name. */
  TIFF;

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final int DICOM_MAGIC_OFFSET = 128;

  /**
   * The format of {@code file}: by its first bytes when they identify one of the formats, otherwise by
   * its extension (a damaged file with a known extension is still an input, and fails when decoded),
   * otherwise empty.
   */
  public static Optional<InputFormat> detect(Path file) throws IOException {
    byte[] head = new byte[DICOM_MAGIC_OFFSET + 4];
    int length;
    try (InputStream in = Files.newInputStream(file)) {
      length = in.readNBytes(head, 0, head.length);
    }
    Optional<InputFormat> byContent = byContent(Arrays.copyOf(head, length));
    return byContent.isPresent() ? byContent : byExtension(file);
  }

  static Optional<InputFormat> byContent(byte[] head) {
    if (startsWith(head, 0, PNG_SIGNATURE)) {
      return Optional.of(PNG);
    }
    if (startsWith(head, 0, new byte[] {'I', 'I', 42, 0})
        || startsWith(head, 0, new byte[] {'M', 'M', 0, 42})) {
      return Optional.of(TIFF);
    }
    if (startsWith(head, DICOM_MAGIC_OFFSET, new byte[] {'D', 'I', 'C', 'M'})) {
      return Optional.of(DICOM);
    }
    return Optional.empty();
  }

  static Optional<InputFormat> byExtension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".dcm") || name.endsWith(".dicom")) {
      return Optional.of(DICOM);
    }
    if (name.endsWith(".png")) {
      return Optional.of(PNG);
    }
    if (name.endsWith(".tif") || name.endsWith(".tiff")) {
      return Optional.of(TIFF);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
    if (data.length < offset + prefix.length) {
      return false;
    }
    return Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
  }
}
