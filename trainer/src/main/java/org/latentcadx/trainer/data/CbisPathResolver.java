package org.latentcadx.trainer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the files a CBIS-DDSM description cell names, tolerating the known differences between the
 * CSV paths and the files users have on disk (see DATA.md, "Quirks handled"):
 *
 * <ol>
 *   <li>whitespace, carriage returns and newlines around or at the end of a cell; backslashes;
 *   <li>a leading {@code CBIS-DDSM/} folder, present or absent;
 *   <li>{@code .dcm} in the CSV but the file converted to {@code .png} (and the reverse);
 *   <li>the TCIA download layout: the CSV's study/series-UID folders and {@code 000000.dcm} names do
 *       not exist, the case folder (first path component) holds date/description-named series folders
 *       with {@code 1-1.dcm}, {@code 1-2.dcm}; the file is then found by searching the case folder.
 * </ol>
 */
final class CbisPathResolver {

  private static final List<String> IMAGE_EXTENSIONS = List.of(".dcm", ".png", ".tif", ".tiff");

  private final Path root;

  CbisPathResolver(Path root) {
    this.root = root;
  }

  /** The cell's path, cleaned of whitespace and separators. */
  static String clean(String cell) {
    String c = cell.strip().replace('\\', '/');
    while (c.startsWith("./")) {
      c = c.substring(2);
    }
    return c.startsWith("CBIS-DDSM/") ? c.substring("CBIS-DDSM/".length()) : c;
  }

  /** The file the cell names directly (or with its extension swapped), if it exists. */
  Optional<Path> direct(String cleaned) {
    for (Path base : bases()) {
      Path p = base.resolve(cleaned);
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
      for (String ext : IMAGE_EXTENSIONS) {
        Path alternative = base.resolve(withExtension(cleaned, ext));
        if (Files.isRegularFile(alternative)) {
          return Optional.of(alternative);
        }
      }
    }
    return Optional.empty();
  }

  /** All image files under the cell's case folder (its first path component), sorted by path. */
  List<Path> inCaseFolder(String cleaned) throws IOException {
    String caseFolder = cleaned.contains("/") ? cleaned.substring(0, cleaned.indexOf('/')) : cleaned;
    List<Path> found = new ArrayList<>();
    for (Path base : bases()) {
      Path folder = base.resolve(caseFolder);
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.walk(folder)) {
          files.filter(Files::isRegularFile).filter(CbisPathResolver::isImage).sorted().forEach(found::add);
        }
      }
    }
    return found;
  }

  /** The places tried, in order, for display in errors. */
  List<Path> bases() {
    return Arrays.asList(root, root.resolve("CBIS-DDSM"));
  }

  private static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return IMAGE_EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  private static String withExtension(String path, String ext) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    return (dot > slash ? path.substring(0, dot) : path) + ext;
  }
}
