package org.latentcadx.cli.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.latentcadx.cli.io.Sha256;

/**
 * The images an evaluation uses: scored images matched to ground truth by the SHA-256 of the image
 * file (so the folder layouts of scoring and ground truth need not agree), with their labels.
 *
 * @param positives images with at least one abnormality row, in ground-truth order
 * @param negatives normal images (from the normals folder, or unlisted scored images when asked)
 * @param notScored ground-truth images without a result in the score folder
 */
public record EvaluationSet(List<Positive> positives, List<ScoredImage> negatives, List<Path> notScored) {

  /** A scored image with its abnormalities. */
  public record Positive(ScoredImage image, List<GroundTruthRow> rows) {

    /** The lesion types present in this image. */
    public Set<LesionType> types() {
      Set<LesionType> types = EnumSet.noneOf(LesionType.class);
      rows.forEach(row -> types.add(row.type()));
      return types;
    }
  }

  /**
   * Matches ground truth to scores.
   *
   * @param rows abnormality rows of the description CSVs
   * @param normals normal images (files), negatives whether listed in the CSVs or not
   * @param scored the score folder's results by input SHA-256
   * @param unlistedAreNormal whether scored images neither in the CSVs nor among the normals count as
   *     negatives (otherwise they are left out)
   */
  public static EvaluationSet match(
      List<GroundTruthRow> rows,
      List<Path> normals,
      Map<String, ScoredImage> scored,
      boolean unlistedAreNormal)
      throws IOException {
    return match(rows, normals, scored, unlistedAreNormal, (done, total) -> {});
  }

  /** Told how many of the images to match have been hashed. */
  @FunctionalInterface
  public interface Progress {
    void hashed(int done, int total);
  }

  /** As {@link #match(List, List, Map, boolean)}, reporting each hashed image to {@code progress}. */
  public static EvaluationSet match(
      List<GroundTruthRow> rows,
      List<Path> normals,
      Map<String, ScoredImage> scored,
      boolean unlistedAreNormal,
      Progress progress)
      throws IOException {
    int total = (int) rows.stream().map(GroundTruthRow::image).distinct().count() + normals.size();
    int hashed = 0;
    Map<String, List<GroundTruthRow>> rowsBySha = new LinkedHashMap<>();
    Map<Path, String> shaByImage = new LinkedHashMap<>();
    for (GroundTruthRow row : rows) {
      String sha = shaByImage.get(row.image());
      if (sha == null) {
        sha = Sha256.of(row.image());
        shaByImage.put(row.image(), sha);
        progress.hashed(++hashed, total);
      }
      rowsBySha.computeIfAbsent(sha, s -> new ArrayList<>()).add(row);
    }
    List<Positive> positives = new ArrayList<>();
    List<Path> notScored = new ArrayList<>();
    for (Map.Entry<String, List<GroundTruthRow>> entry : rowsBySha.entrySet()) {
      ScoredImage image = scored.get(entry.getKey());
      if (image == null) {
        notScored.add(entry.getValue().get(0).image());
      } else {
        positives.add(new Positive(image, List.copyOf(entry.getValue())));
      }
    }
    List<ScoredImage> negatives = new ArrayList<>();
    Set<String> used = new HashSet<>(rowsBySha.keySet());
    for (Path normal : normals) {
      String sha = Sha256.of(normal);
      progress.hashed(++hashed, total);
      ScoredImage image = scored.get(sha);
      if (image == null) {
        notScored.add(normal);
      } else if (used.add(sha)) {
        negatives.add(image);
      }
    }
    if (unlistedAreNormal) {
      scored.forEach(
          (sha, image) -> {
            if (used.add(sha)) {
              negatives.add(image);
            }
          });
    }
    return new EvaluationSet(List.copyOf(positives), List.copyOf(negatives), List.copyOf(notScored));
  }
}
