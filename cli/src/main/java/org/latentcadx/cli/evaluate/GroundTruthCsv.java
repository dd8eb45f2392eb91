package org.latentcadx.cli.evaluate;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads CBIS-DDSM description CSVs (mass and calcification, training and test), and the synthetic
 * set's, which add a latent-truth mask column.
 *
 * <p>Columns are found by name, compared after lower-casing and turning runs of blanks and
 * underscores into one blank ({@code patient_id} = {@code patient id}). Required: {@code patient id},
 * {@code abnormality type}, {@code image file path}, {@code ROI mask file path}; optional: {@code
 * abnormality id}, {@code pathology}, and {@value #LATENT_COLUMN}.
 *
 * <p>Paths are relative to the data root (by default the CSV's folder). CBIS-DDSM's known quirks are
 * tolerated: values carry stray blanks, quotes and line breaks (removed) and backslashes (read as
 * {@code /}); and the CSV's UID sub-folders do not match the folders of the public download, so when a
 * path does not exist, the file is looked for under the path's first folder (the case folder, e.g.
 * {@code Mass-Test_P_00016_LEFT_CC}, directly under the root or under {@code CBIS-DDSM/}): the only
 * DICOM file there for an image, the largest for an ROI mask (the other is the cropped image). A row
 * whose files cannot be found fails the read with a message listing every missing file.
 */
public final class GroundTruthCsv {

  /** The extra column of the synthetic set: the path of the true (latent) lesion mask. */
  public static final String LATENT_COLUMN = "latent mask file path";

  private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

  private GroundTruthCsv() {}

  /**
   * Reads every row of {@code csv}, resolving paths against {@code dataRoot}.
   *
   * @throws IOException when the file cannot be read, a required column is missing, a value is invalid
   *     or files are missing (all of them named)
   */
  public static List<GroundTruthRow> read(Path csv, Path dataRoot) throws IOException {
    if (!java.nio.file.Files.isRegularFile(csv)) {
      throw new IOException("cannot read ground truth CSV " + csv + ": "
          + (java.nio.file.Files.exists(csv) ? "not a file" : "no such file"));
    }
    List<String[]> lines = new ArrayList<>();
    try (MappingIterator<String[]> rows = MAPPER.readerFor(String[].class).readValues(csv.toFile())) {
      rows.forEachRemaining(lines::add);
    }
    if (lines.isEmpty()) {
      throw new IOException(csv + " is empty; expected a CBIS-DDSM description CSV with a header row");
    }
    Columns columns = Columns.of(csv, lines.get(0));
    List<GroundTruthRow> rows = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] values = lines.get(i);
      if (values.length == 1 && values[0].isBlank()) {
        continue;
      }
      String where = csv.getFileName() + ":" + (i + 1);
      try {
        Optional<Path> image = resolve(dataRoot, columns.get(values, columns.image), false);
        Optional<Path> roi = resolve(dataRoot, columns.get(values, columns.roiMask), true);
        Optional<Path> latent =
            columns.latentMask < 0
                ? Optional.empty()
                : resolve(dataRoot, columns.get(values, columns.latentMask), false);
        image.ifPresentOrElse(p -> {}, () -> missing.add(where + " image " + columns.get(values, columns.image)));
        roi.ifPresentOrElse(p -> {}, () -> missing.add(where + " ROI mask " + columns.get(values, columns.roiMask)));
        if (columns.latentMask >= 0 && latent.isEmpty()) {
          missing.add(where + " latent mask " + columns.get(values, columns.latentMask));
        }
        if (image.isPresent() && roi.isPresent()) {
          rows.add(
              new GroundTruthRow(
                  where,
                  columns.get(values, columns.patientId),
                  columns.abnormalityId < 0 ? "" : columns.get(values, columns.abnormalityId),
                  LesionType.parse(columns.get(values, columns.type)),
                  columns.pathology < 0
                      ? ""
                      : columns.get(values, columns.pathology).toLowerCase(Locale.ROOT),
                  image.get(),
                  roi.get(),
                  latent));
        }
      } catch (IllegalArgumentException e) {
        throw new IOException(where + ": " + e.getMessage(), e);
      }
    }
    if (!missing.isEmpty()) {
      throw new IOException(
          csv + ": " + missing.size() + " file(s) not found under " + dataRoot + ":\n  "
              + String.join("\n  ", missing));
    }
    return rows;
  }

  /** The cleaned path value: no quotes, line breaks or surrounding blanks, {@code /} separators. */
  static String clean(String value) {
    return value.replace("\"", "").replaceAll("[\\r\\n]", "").replace('\\', '/').strip();
  }

  private static Optional<Path> resolve(Path root, String value, boolean largest) throws IOException {
    String cleaned = clean(value);
    if (cleaned.isEmpty()) {
      return Optional.empty();
    }
    Path direct = root.resolve(cleaned);
    if (Files.isRegularFile(direct)) {
      return Optional.of(direct);
    }
    String caseFolder = cleaned.split("/", 2)[0];
    for (Path folder : List.of(root.resolve(caseFolder), root.resolve("CBIS-DDSM").resolve(caseFolder))) {
      if (Files.isDirectory(folder) && !caseFolder.equals(cleaned)) {
        List<Path> dicoms = dicomFilesUnder(folder);
        if (largest && !dicoms.isEmpty()) {
          return Optional.of(largestOf(dicoms));
        }
        if (dicoms.size() == 1) {
          return Optional.of(dicoms.get(0));
        }
      }
    }
    return Optional.empty();
  }

  private static List<Path> dicomFilesUnder(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dcm"))
          .sorted()
          .toList();
    }
  }

  private static Path largestOf(List<Path> files) throws IOException {
    Path largest = files.get(0);
    for (Path file : files) {
      if (Files.size(file) > Files.size(largest)) {
        largest = file;
      }
    }
    return largest;
  }

  /** Column positions by normalised name; -1 for an absent optional column. */
  private record Columns(
      int patientId,
      int abnormalityId,
      int type,
      int pathology,
      int image,
      int roiMask,
      int latentMask) {

    static Columns of(Path csv, String[] header) throws IOException {
      List<String> names = new ArrayList<>();
      for (String name : header) {
        names.add(normalise(name));
      }
      return new Columns(
          required(csv, names, "patient id"),
          names.indexOf("abnormality id"),
          required(csv, names, "abnormality type"),
          names.indexOf("pathology"),
          required(csv, names, "image file path"),
          required(csv, names, "roi mask file path"),
          names.indexOf(LATENT_COLUMN));
    }

    String get(String[] values, int column) {
      if (column >= values.length) {
        throw new IllegalArgumentException(
            "row has " + values.length + " values; expected at least " + (column + 1));
      }
      return values[column].strip();
    }

    private static int required(Path csv, List<String> names, String name) throws IOException {
      int index = names.indexOf(name);
      if (index < 0) {
        throw new IOException(
            csv + " has no '" + name + "' column; found " + names
                + " (expected a CBIS-DDSM description CSV)");
      }
      return index;
    }

    private static String normalise(String name) {
      return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ");
    }
  }
}
