package org.latentcadx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.cli.evaluate.GroundTruthCsv;
import org.latentcadx.cli.evaluate.GroundTruthRow;
import org.latentcadx.cli.io.Json;

/**
 * What the README promises for the main job: the bundled model, scoring the sample mammograms as
 * {@code scripts/score-samples} does, marks every sample lesion (a mark whose box centre lies inside the
 * lesion's hand-drawn outline), puts no mark outside the outlines, and marks nothing on the normals.
 * Marks are checked against the outline masks directly, not through {@code evaluate}'s matching.
 */
class SampleMammogramsTest {

  private static final Path SAMPLES = Path.of("../samples/data");
  private static final Path GROUND_TRUTH = Path.of("../samples/ground-truth");

  @TempDir static Path results;

  @BeforeAll
  static void scoreTheSamples() {
    CliRun run = CliRun.of("score", "--device", "cpu", "--output", results, SAMPLES);
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void everySampleLesionIsMarkedInsideItsOutlineAndNothingElseIsMarked() throws IOException {
    Map<Path, List<Raster>> outlinesByImage = new LinkedHashMap<>();
    for (String csv : List.of("mass_case_description.csv", "calc_case_description.csv")) {
      for (GroundTruthRow lesion : GroundTruthCsv.read(GROUND_TRUTH.resolve(csv), GROUND_TRUTH)) {
        outlinesByImage.computeIfAbsent(lesion.image(), image -> new ArrayList<>())
            .add(outline(lesion.roiMask()));
      }
    }
    assertThat(outlinesByImage.values().stream().mapToInt(List::size).sum()).as("the samples' lesions")
        .isGreaterThanOrEqualTo(3);
    for (Map.Entry<Path, List<Raster>> image : outlinesByImage.entrySet()) {
      String name = image.getKey().getFileName().toString();
      List<int[]> centres = markCentres(name);
      for (Raster outline : image.getValue()) {
        assertThat(centres).as("marks on %s", name).anyMatch(centre -> inside(outline, centre));
      }
      assertThat(centres).as("marks on %s", name)
          .allMatch(centre -> image.getValue().stream().anyMatch(outline -> inside(outline, centre)));
    }
  }

  @Test
  void theNormalSamplesGetNoMark() throws IOException {
    try (Stream<Path> files = Files.list(SAMPLES)) {
      List<String> normals = files.map(file -> file.getFileName().toString())
          .filter(name -> name.startsWith("normal-") && name.endsWith(".dcm")).toList();
      assertThat(normals).hasSize(2);
      for (String normal : normals) {
        assertThat(markCentres(normal)).as(normal).isEmpty();
      }
    }
  }

  private static Raster outline(Path png) throws IOException {
    return ImageIO.read(png.toFile()).getRaster();
  }

  private static List<int[]> markCentres(String image) throws IOException {
    JsonNode result = Json.mapper().readTree(results.resolve(image + ".json").toFile());
    List<int[]> centres = new ArrayList<>();
    for (JsonNode lesion : result.get("lesions")) {
      JsonNode box = lesion.get("boxPx");
      centres.add(new int[] {box.get("x").asInt() + box.get("width").asInt() / 2,
          box.get("y").asInt() + box.get("height").asInt() / 2});
    }
    return centres;
  }

  private static boolean inside(Raster outline, int[] centre) {
    return outline.getSample(centre[0], centre[1], 0) > 0;
  }
}
