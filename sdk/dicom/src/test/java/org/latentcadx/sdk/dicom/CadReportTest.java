package org.latentcadx.sdk.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.BoundingBox;
import org.latentcadx.sdk.DetectionResult;
import org.latentcadx.sdk.ExecutionProvider;
import org.latentcadx.sdk.Lesion;
import org.latentcadx.sdk.ModelInfo;
import org.latentcadx.sdk.ProbabilityMap;
import org.latentcadx.sdk.StageTimings;
import org.latentcadx.sdk.testing.Processes;

/**
 * The Mammography CAD SR: valid for dciodvfy, rendered by dcmtk's dsrdump, accepted by PixelMed's TID
 * 4000 template validator, and read back by pydicom with one finding per lesion whose centre and outline
 * match the detector's lesion boxes and regions on the source image.
 */
class CadReportTest {

  private static final Path SOURCE = DicomFixtures.DIRECTORY.resolve("mg_u16_mono2_explicit_le.dcm");
  private static final Path OTHER_SOURCE = DicomFixtures.DIRECTORY.resolve("mg_u12_mono1_explicit_le.dcm");
  private static final Path READ_BACK = Path.of("src/test/fixtures/read_back_cad_sr.py");
  private static final int FACTOR = 2;
  private static final double LESION_THRESHOLD = 0.5;
  private static final float DECISION_THRESHOLD = 0.9f;
  private static final DicomResultWriter WRITER =
      DicomResultWriter.create(new AlgorithmIdentity("LatentCADx test", "0.1.0"));

  @TempDir Path directory;

  @Test
  void findingsRoundTripToTheDetectorsBoxesAndRegions() throws Exception {
    DicomImage image = DicomReader.create().read(SOURCE);
    ProbabilityMap map = twoBlobs(image);
    DetectionResult detection = detection(map);
    assertThat(detection.lesions()).hasSize(2);
    Path report = directory.resolve("report.dcm");

    String uid = WRITER.writeCadReport(image.source(), detection, LESION_THRESHOLD, report);

    assertValid(report);
    JsonNode read = readBack(report);
    assertThat(read.get("sop_class").asText()).isEqualTo("1.2.840.10008.5.1.4.1.1.88.50");
    assertThat(read.get("modality").asText()).isEqualTo("SR");
    assertThat(read.get("template").asText()).isEqualTo("4000");
    assertThat(read.get("mapping_resource").asText()).isEqualTo("DCMR");
    assertThat(read.get("root_concept").asText()).isEqualTo("111036");
    assertThat(read.get("study").asText()).isEqualTo(image.source().studyInstanceUid());
    assertThat(read.get("summary").asText()).isEqualTo("111242"); // with findings
    assertThat(uid).isNotBlank();
    JsonNode findings = read.get("findings");
    assertThat(findings).hasSize(detection.lesions().size());
    for (int i = 0; i < findings.size(); i++) {
      JsonNode finding = findings.get(i);
      Lesion lesion = detection.lesions().get(i);
      BoundingBox box = lesion.imageBox();
      assertThat(finding.get("type").asText()).isEqualTo("129793001");
      assertThat(finding.get("certainty").asDouble()).isCloseTo(100.0 * lesion.peakProbability(), within(1e-4));
      assertThat(finding.get("intent").asText())
          .isEqualTo(lesion.peakProbability() >= DECISION_THRESHOLD ? "111150" : "111151");
      assertThat(finding.get("center_type").asText()).isEqualTo("POINT");
      assertThat(finding.get("center").get(0).asDouble()).isEqualTo(box.x() + box.width() / 2.0);
      assertThat(finding.get("center").get(1).asDouble()).isEqualTo(box.y() + box.height() / 2.0);
      assertThat(finding.get("center_image").asText()).isEqualTo(image.source().sopInstanceUid());
      assertThat(finding.get("center_relationship").asText()).isEqualTo("SELECTED FROM");
      assertThat(finding.get("outline_type").asText()).isEqualTo("POLYLINE");
      assertThat(finding.get("outline_image").asText()).isEqualTo(image.source().sopInstanceUid());
      assertOutlineTracesRegion(finding.get("outline"), map, lesion);
    }
  }

  @Test
  void anImageWithoutLesionsIsReportedWithoutFindings() throws Exception {
    DicomImage image = DicomReader.create().read(SOURCE);
    ProbabilityMap empty = new ProbabilityMap(64, 48, FACTOR, 128, 96, new float[64 * 48]);
    Path report = directory.resolve("empty.dcm");

    WRITER.writeCadReport(image.source(), detection(empty), LESION_THRESHOLD, report);

    assertValid(report);
    JsonNode read = readBack(report);
    assertThat(read.get("summary").asText()).isEqualTo("111241"); // without findings
    assertThat(read.get("findings")).isEmpty();
    assertThat(read.get("library")).hasSize(1);
  }

  @Test
  void imagesOfOneStudyShareOneReportWithAReferencePerImage() throws Exception {
    DicomImage image = DicomReader.create().read(SOURCE);
    ProbabilityMap map = twoBlobs(image);
    Path report = directory.resolve("study.dcm");
    ScoredImage scored = ScoredImage.of(image.source(), detection(map), LESION_THRESHOLD);

    WRITER.writeCadReport(List.of(scored, scored), report);

    assertValid(report);
    JsonNode read = readBack(report);
    assertThat(read.get("library")).hasSize(2);
    assertThat(read.get("findings")).hasSize(4);
  }

  @Test
  void imagesOfDifferentStudiesAreRefused() throws Exception {
    DicomImage first = DicomReader.create().read(SOURCE);
    DicomImage second = DicomReader.create().read(OTHER_SOURCE);
    assertThat(second.source().studyInstanceUid()).isNotEqualTo(first.source().studyInstanceUid());
    ScoredImage a = ScoredImage.of(first.source(), detection(twoBlobs(first)), LESION_THRESHOLD);
    ScoredImage b = ScoredImage.of(second.source(), detection(new ProbabilityMap(
        second.image().width(), second.image().height(), 1, second.image().width(), second.image().height(),
        new float[second.image().width() * second.image().height()])), LESION_THRESHOLD);

    assertThatThrownBy(() -> WRITER.writeCadReport(List.of(a, b), directory.resolve("x.dcm")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one study");
  }

  /** Every outline vertex is the centre of a boundary pixel of the lesion's region, and all are visited. */
  private static void assertOutlineTracesRegion(JsonNode outline, ProbabilityMap map, Lesion lesion) {
    List<int[]> vertices = new ArrayList<>();
    for (int i = 0; i < outline.size(); i += 2) {
      double x = outline.get(i).asDouble() / FACTOR - 0.5;
      double y = outline.get(i + 1).asDouble() / FACTOR - 0.5;
      assertThat(x).isEqualTo(Math.rint(x));
      vertices.add(new int[] {(int) x, (int) y});
    }
    assertThat(vertices.get(0)).isEqualTo(vertices.get(vertices.size() - 1)); // closed
    BoundingBox box = lesion.mapBox();
    int boundaryPixels = 0;
    for (int y = box.y(); y < box.y() + box.height(); y++) {
      for (int x = box.x(); x < box.x() + box.width(); x++) {
        if (map.get(x, y) >= LESION_THRESHOLD && isBoundary(map, x, y)) {
          boundaryPixels++;
          int px = x;
          int py = y;
          assertThat(vertices).as("boundary pixel %d,%d on the outline", x, y)
              .anyMatch(v -> v[0] == px && v[1] == py);
        }
      }
    }
    for (int[] vertex : vertices) {
      assertThat(map.get(vertex[0], vertex[1])).isGreaterThanOrEqualTo((float) LESION_THRESHOLD);
      assertThat(isBoundary(map, vertex[0], vertex[1])).isTrue();
    }
    assertThat(boundaryPixels).isPositive();
  }

  /** A region pixel with a 4-neighbour outside the region (or the map). */
  private static boolean isBoundary(ProbabilityMap map, int x, int y) {
    int[][] neighbours = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
    for (int[] n : neighbours) {
      int nx = x + n[0];
      int ny = y + n[1];
      if (nx < 0 || ny < 0 || nx >= map.width() || ny >= map.height() || map.get(nx, ny) < LESION_THRESHOLD) {
        return true;
      }
    }
    return false;
  }

  /** A concave (L-shaped) region peaking at 0.95 and a disc peaking at 0.7, on the 128 × 96 source. */
  private static ProbabilityMap twoBlobs(DicomImage image) {
    assertThat(image.image().width()).isEqualTo(128);
    assertThat(image.image().height()).isEqualTo(96);
    int width = 64;
    int height = 48;
    float[] values = new float[width * height];
    java.util.Arrays.fill(values, 0.1f);
    for (int y = 8; y < 30; y++) {
      for (int x = 6; x < 24; x++) {
        boolean inL = (y < 13) || (x < 11);
        if (inL) {
          values[y * width + x] = (x == 8 && y == 10) ? 0.95f : 0.8f;
        }
      }
    }
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if ((x - 45) * (x - 45) + (y - 30) * (y - 30) <= 25) {
          values[y * width + x] = (x == 45 && y == 30) ? 0.7f : 0.6f;
        }
      }
    }
    return new ProbabilityMap(width, height, FACTOR, 128, 96, values);
  }

  private static DetectionResult detection(ProbabilityMap map) {
    ModelInfo model = new ModelInfo("latentcadx-test", "0.1.0", "ab".repeat(32), "test", 256, 128, FACTOR,
        "bits_stored", DECISION_THRESHOLD, Map.of());
    StageTimings timings = new StageTimings(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    return new DetectionResult(0.95, map, map.lesions(LESION_THRESHOLD), 1, ExecutionProvider.CPU, timings, model);
  }

  private static void assertValid(Path report) throws Exception {
    DicomOracles.assumeTool("dciodvfy");
    DicomOracles.assumeTool("dsrdump");
    assertThat(DicomOracles.dciodvfyErrors(report)).isEmpty();
    Processes.Result dump = DicomOracles.run("dsrdump", report.toString());
    assertThat(dump.exitCode()).as(dump.output()).isZero();
    assertThat(dump.output()).contains("Mammography CAD Report").doesNotContain("E: ");
    Processes.Result template = DicomOracles.run("java", "-Djdk.xml.xpathExprOpLimit=0",
        "-Djdk.xml.xpathExprGrpLimit=0", "-Djdk.xml.xpathTotalOpLimit=0", "-cp", pixelmedJar(),
        "com.pixelmed.validate.DicomSRValidator", report.toString());
    assertThat(template.output()).as(template.output())
        .contains("Found Root Template TID_4000")
        .contains("Root Template Validation Complete")
        .doesNotContainIgnoringCase("error")
        .doesNotContainIgnoringCase("warning");
  }

  /** The PixelMed JAR this module is built against, which carries the SR template validator. */
  private static String pixelmedJar() throws Exception {
    return Path.of(com.pixelmed.validate.DicomSRValidator.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI()).toString();
  }

  private static JsonNode readBack(Path report) throws Exception {
    DicomOracles.assumePydicom();
    Processes.Result result = DicomOracles.run(DicomOracles.PYTHON.toString(), READ_BACK.toString(),
        report.toString());
    assertThat(result.exitCode()).as(result.output()).isZero();
    return new ObjectMapper().readTree(result.output());
  }
}
