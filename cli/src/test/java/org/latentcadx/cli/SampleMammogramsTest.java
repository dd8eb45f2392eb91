package org.latentcadx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README promises for the main job: the bundled model, scoring the sample mammograms as
 * {@code scripts/score-samples} does, marks every sample lesion (a mark whose box centre lies inside the
 * lesion's hand-drawn outline), puts no mark outside the outlines, and marks nothing on the normals.
 * Outlines are read from the samples' ground truth directly, not through {@code evaluate}.
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
    List<Map<String, String>> lesions = lesionRows();
    assertThat(lesions).as("the samples' lesions").hasSizeGreaterThanOrEqualTo(3);
    for (Map<String, String> lesion : lesions) {
      String image = Path.of(lesion.get("image file path")).getFileName().toString();
      List<Raster> outlines = lesions.stream()
          .filter(other -> other.get("image file path").equals(lesion.get("image file path")))
          .map(other -> outline(other.get("ROI mask file path"))).toList();
      Raster own = outline(lesion.get("ROI mask file path"));
      List<int[]> centres = markCentres(image);

      assertThat(centres).as("marks on %s", image)
          .anyMatch(centre -> inside(own, centre))
          .allMatch(centre -> outlines.stream().anyMatch(outline -> inside(outline, centre)));
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

  private static List<Map<String, String>> lesionRows() throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    CsvMapper mapper = new CsvMapper();
    for (String csv : List.of("mass_case_description.csv", "calc_case_description.csv")) {
      try (MappingIterator<Map<String, String>> read = mapper.readerForMapOf(String.class)
          .with(CsvSchema.emptySchema().withHeader()).readValues(GROUND_TRUTH.resolve(csv).toFile())) {
        rows.addAll(read.readAll());
      }
    }
    return rows;
  }

  private static Raster outline(String path) {
    try {
      BufferedImage image = ImageIO.read(GROUND_TRUTH.resolve(path).toFile());
      return image.getRaster();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<int[]> markCentres(String image) throws IOException {
    JsonNode result = new ObjectMapper().readTree(results.resolve(image + ".json").toFile());
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
