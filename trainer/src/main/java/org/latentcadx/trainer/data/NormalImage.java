package org.latentcadx.trainer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A mammogram without lesions (a source of negative patches).
 *
 * @param patientId the patient, for folds
 * @param file the image file (DICOM, PNG or TIFF)
 */
public record NormalImage(String patientId, Path file) {

  private static final Pattern CBIS_PATIENT = Pattern.compile("P_\\d+");

  /**
   * Every {@code .dcm}, {@code .png}, {@code .tif(f)} file under {@code folder}, sorted by path. The
   * patient is the first {@code P_<digits>} in the path relative to the folder; otherwise the name of
   * the file's parent folder (as DDSM's {@code case0123} folders); for files directly in the folder, the
   * file name without extension.
   */
  public static List<NormalImage> scan(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IOException(folder + ": normal-image folder does not exist");
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(NormalImage::isImage)
          .sorted()
          .map(f -> new NormalImage(patientOf(folder.relativize(f)), f))
          .toList();
    }
  }

  private static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return Stream.of(".dcm", ".png", ".tif", ".tiff").anyMatch(name::endsWith);
  }

  static String patientOf(Path relative) {
    Matcher m = CBIS_PATIENT.matcher(relative.toString().replace('\\', '/'));
    if (m.find()) {
      return m.group();
    }
    if (relative.getParent() != null) {
      return relative.getParent().getFileName().toString();
    }
    String name = relative.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
