package org.latentcadx.trainer.data;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads CBIS-DDSM's description files ({@code mass_case_description_train_set.csv}, {@code
 * …_test_set.csv}, {@code calc_case_description_…}) under a root folder and resolves every row's image,
 * ROI-mask and cropped-image paths to existing files (DICOM, or PNG/TIFF conversions).
 *
 * <p>Path quirks handled are listed on {@link CbisPathResolver}; in addition the ROI mask and cropped
 * image are told apart by size — the ROI mask has the full image's size, the crop is smaller — which
 * repairs rows where CBIS-DDSM swapped them and assigns the TCIA download's {@code 1-1.dcm}/{@code
 * 1-2.dcm} correctly. Every problem of every row is collected, and reading fails with one {@link
 * IOException} listing them all (missing files with the places looked at, bad cells).
 */
public final class CbisDdsmReader {

  private static final int MAX_LISTED_PROBLEMS = 50;

  /**
   * What was read.
   *
   * @param abnormalities the rows, in file order (mass train, mass test, calc train, calc test)
   * @param caseFolderSearches paths found only by searching their case folder (TCIA layout)
   * @param swappedRoiAndCrop rows whose ROI-mask and cropped-image paths were swapped
   */
  public record Result(List<CbisAbnormality> abnormalities, int caseFolderSearches, int swappedRoiAndCrop) {}

  private final Path root;
  private final CbisPathResolver resolver;
  private final Map<Path, int[]> sizes = new HashMap<>();
  private final List<String> problems = new ArrayList<>();
  private int caseFolderSearches;
  private int swapped;

  private CbisDdsmReader(Path root) {
    this.root = root;
    this.resolver = new CbisPathResolver(root);
  }

  /**
   * Reads every description file present directly under {@code root}.
   *
   * @throws IOException when none is present, or listing every missing file and bad cell
   */
  public static Result read(Path root) throws IOException {
    return new CbisDdsmReader(root).readAll();
  }

  private Result readAll() throws IOException {
    List<CbisAbnormality> rows = new ArrayList<>();
    int files = 0;
    for (String name : CbisColumns.DESCRIPTION_FILES) {
      Path file = root.resolve(name);
      if (Files.isRegularFile(file)) {
        files++;
        readFile(file, name.contains("_test_"), rows);
      }
    }
    if (files == 0) {
      throw new IOException(
          root + ": no CBIS-DDSM description file; expected one or more of " + CbisColumns.DESCRIPTION_FILES);
    }
    if (!problems.isEmpty()) {
      StringBuilder message =
          new StringBuilder(root + ": " + problems.size() + " problem(s) in the CBIS-DDSM description files:");
      problems.stream().limit(MAX_LISTED_PROBLEMS).forEach(p -> message.append("\n  - ").append(p));
      if (problems.size() > MAX_LISTED_PROBLEMS) {
        message.append("\n  … and ").append(problems.size() - MAX_LISTED_PROBLEMS).append(" more");
      }
      throw new IOException(message.toString());
    }
    return new Result(List.copyOf(rows), caseFolderSearches, swapped);
  }

  private void readFile(Path file, boolean test, List<CbisAbnormality> out) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.TRIM_SPACES);
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it =
        mapper.readerFor(Map.class).with(schema).readValues(file.toFile())) {
      while (it.hasNext()) {
        Map<String, String> raw = it.next();
        Map<String, String> row = new LinkedHashMap<>();
        raw.forEach((k, v) -> row.put(k.strip(), v == null ? "" : v.strip()));
        rows.add(row);
      }
    }
    String fileName = file.getFileName().toString();
    for (int i = 0; i < rows.size(); i++) {
      String where = fileName + " row " + (i + 2);
      try {
        row(rows.get(i), where, test).ifPresent(out::add);
      } catch (IllegalArgumentException e) {
        problems.add(where + ": " + e.getMessage());
      }
    }
  }

  private Optional<CbisAbnormality> row(Map<String, String> row, String where, boolean test)
      throws IOException {
    String patient = cell(row, CbisColumns.PATIENT_ID);
    String density =
        row.containsKey(CbisColumns.MASS_DENSITY)
            ? cell(row, CbisColumns.MASS_DENSITY)
            : cell(row, CbisColumns.CALC_DENSITY);
    Side side = Side.fromCbis(cell(row, CbisColumns.SIDE));
    View view = View.fromCbis(cell(row, CbisColumns.VIEW));
    int abnormalityId = Integer.parseInt(cell(row, CbisColumns.ABNORMALITY_ID));
    LesionType type = LesionType.fromCbis(cell(row, CbisColumns.ABNORMALITY_TYPE));
    Pathology pathology = Pathology.fromCbis(cell(row, CbisColumns.PATHOLOGY));
    Optional<Path> image = image(cell(row, CbisColumns.IMAGE_PATH), where);
    Optional<Path[]> roiAndCrop =
        image.isEmpty()
            ? Optional.empty()
            : roiAndCrop(cell(row, CbisColumns.ROI_MASK_PATH), cell(row, CbisColumns.CROPPED_PATH), image.get(), where);
    String latentCell = row.getOrDefault(CbisColumns.LATENT_MASK_PATH, "");
    Optional<Path> latent = Optional.empty();
    if (!latentCell.isEmpty()) {
      latent = resolver.direct(CbisPathResolver.clean(latentCell));
      if (latent.isEmpty()) {
        problems.add(where + ": " + CbisColumns.LATENT_MASK_PATH + " '" + latentCell + "' not found under " + resolver.bases());
      }
    }
    if (image.isEmpty() || roiAndCrop.isEmpty() || (!latentCell.isEmpty() && latent.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(
        new CbisAbnormality(
            patient, density.isEmpty() ? 0 : Integer.parseInt(density), side, view, abnormalityId, type,
            pathology, test, image.get(), roiAndCrop.get()[0], Optional.ofNullable(roiAndCrop.get()[1]),
            latent, where));
  }

  private static String cell(Map<String, String> row, String column) {
    String value = row.get(column);
    if (value == null) {
      throw new IllegalArgumentException("no column '" + column + "' (columns: " + row.keySet() + ")");
    }
    return value;
  }

  private Optional<Path> image(String cell, String where) throws IOException {
    String cleaned = CbisPathResolver.clean(cell);
    Optional<Path> direct = resolver.direct(cleaned);
    if (direct.isPresent()) {
      return direct;
    }
    List<Path> found = resolver.inCaseFolder(cleaned);
    if (found.isEmpty()) {
      problems.add(where + ": " + CbisColumns.IMAGE_PATH + " '" + cell + "' not found under " + resolver.bases()
          + " (neither the path nor any image file in its case folder)");
      return Optional.empty();
    }
    caseFolderSearches++;
    Path largest = found.get(0);
    for (Path p : found) {
      if (pixels(p) > pixels(largest)) {
        largest = p;
      }
    }
    return Optional.of(largest);
  }

  /** The ROI mask (image-sized) and the cropped image (smaller, or null when absent). */
  private Optional<Path[]> roiAndCrop(String roiCell, String cropCell, Path image, String where)
      throws IOException {
    Optional<Path> roi = resolver.direct(CbisPathResolver.clean(roiCell));
    Optional<Path> crop = resolver.direct(CbisPathResolver.clean(cropCell));
    Set<Path> candidates = new LinkedHashSet<>();
    roi.ifPresent(candidates::add);
    crop.ifPresent(candidates::add);
    if (roi.isEmpty() || crop.isEmpty()) {
      int before = candidates.size();
      candidates.addAll(resolver.inCaseFolder(CbisPathResolver.clean(roiCell)));
      candidates.addAll(resolver.inCaseFolder(CbisPathResolver.clean(cropCell)));
      candidates.remove(image);
      if (candidates.size() > before) {
        caseFolderSearches++;
      }
    }
    int[] imageSize = size(image);
    Path mask = null;
    Path cropped = null;
    for (Path p : candidates) {
      if (Arrays.equals(size(p), imageSize)) {
        mask = mask == null || roi.filter(p::equals).isPresent() ? p : mask;
      } else {
        cropped = cropped == null || crop.filter(p::equals).isPresent() ? p : cropped;
      }
    }
    if (mask == null) {
      StringBuilder seen = new StringBuilder();
      for (Path p : candidates) {
        int[] s = size(p);
        seen.append(' ').append(root.relativize(p)).append(" (").append(s[0]).append('×').append(s[1]).append(')');
      }
      problems.add(where + ": " + CbisColumns.ROI_MASK_PATH + " '" + roiCell + "': no mask of the image's size "
          + imageSize[0] + "×" + imageSize[1] + " found; candidates:" + (seen.length() == 0 ? " none" : seen));
      return Optional.empty();
    }
    if (roi.isPresent() && crop.isPresent() && mask.equals(crop.get()) && roi.get().equals(cropped)) {
      swapped++;
    }
    return Optional.of(new Path[] {mask, cropped});
  }

  private long pixels(Path file) throws IOException {
    int[] s = size(file);
    return (long) s[0] * s[1];
  }

  private int[] size(Path file) throws IOException {
    int[] known = sizes.get(file);
    if (known == null) {
      known = ModelScale.size(file);
      sizes.put(file, known);
    }
    return known;
  }

}
