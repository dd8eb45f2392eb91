package org.latentcadx.sdk.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentcadx.sdk.DetectionResult;
import org.latentcadx.sdk.ExecutionProvider;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.ModelInfo;
import org.latentcadx.sdk.ProbabilityMap;
import org.latentcadx.sdk.StageTimings;
import org.latentcadx.sdk.testing.Oracles;
import org.latentcadx.sdk.testing.Processes;

/**
 * Patient and study text outside ASCII reaches every derived object unchanged, and so does an algorithm
 * name outside ASCII: the SEG, the overlay secondary capture and the CAD SR hold the source's names,
 * as pydicom ({@code src/test/fixtures/character_set_fixture.py}) writes and reads them, in the source's
 * Specific Character Set (UTF-8 for one with ISO 2022 code extensions, which PixelMed cannot write),
 * and pass dciodvfy.
 */
class CharacterSetTest {

  private static final Path FIXTURE = Path.of("src/test/fixtures/character_set_fixture.py");
  private static final Path TEMPLATE = DicomFixtures.DIRECTORY.resolve("mg_u16_mono2_explicit_le.dcm");

  @TempDir Path directory;

  @ParameterizedTest(name = "{2} in '{0}'")
  @CsvSource(delimiter = '|', value = {
      "ISO_IR 100|ISO_IR 100|Müller^Jürgen|Mammographie Früherkennung|KI für Früherkennung",
      "ISO_IR 192|ISO_IR 192|Müller^山田=やまだ|Früherkennung – beidseits|KI für Früherkennung",
      "\\ISO 2022 IR 87|ISO_IR 192|Yamada^Tarou=山田^太郎|Mammography|KI für Früherkennung",
      "''|''|Smith^Jane|Screening|LatentCADx test"})
  void derivedObjectsKeepTheSourcesText(String charset, String written, String name, String description,
      String algorithm) throws Exception {
    Oracles.requirePython("pydicom");
    DicomOracles.assumeTool("dciodvfy");
    Path source = directory.resolve("source.dcm");
    python("write", TEMPLATE.toString(), source.toString(), charset, name, description);
    DicomImage image = DicomReader.create().read(source);
    ProbabilityMap map = ramp(image.image());
    DicomResultWriter writer = DicomResultWriter.create(new AlgorithmIdentity(algorithm, "0.1.0"));

    List<Path> derived = new ArrayList<>();
    for (String kind : List.of("seg", "overlay", "sr")) {
      Path output = directory.resolve(kind + ".dcm");
      switch (kind) {
        case "seg" -> writer.writeLesionSegmentation(image.source(), map, 0.5, output);
        case "overlay" -> writer.writeHeatmapOverlay(image, map, 0.5, output);
        default -> writer.writeCadReport(image.source(), detection(map, algorithm), 0.5, output);
      }
      derived.add(output);
    }

    for (Path output : derived) {
      JsonNode read = new ObjectMapper().readTree(python("read", output.toString()));
      assertThat(read.get("charset").asText()).as("%s Specific Character Set", output.getFileName())
          .isEqualTo(written);
      assertThat(read.get("name").asText()).as("%s Patient's Name", output.getFileName()).isEqualTo(name);
      assertThat(read.get("description").asText()).as("%s Study Description", output.getFileName())
          .isEqualTo(description);
      assertThat(read.get("model").asText()).as("%s Manufacturer's Model Name", output.getFileName())
          .isEqualTo(algorithm);
      assertThat(DicomOracles.dciodvfyErrors(output)).as("%s", output.getFileName()).isEmpty();
    }
  }

  private static String python(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(Oracles.PYTHON.toString(), FIXTURE.toString()));
    command.addAll(List.of(arguments));
    Processes.Result result = Processes.run(Duration.ofMinutes(1), command);
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.output();
  }

  private static ProbabilityMap ramp(MammogramImage image) {
    float[] values = new float[image.width() * image.height()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (i % image.width()) / image.width();
    }
    return new ProbabilityMap(image.width(), image.height(), 1, image.width(), image.height(), values);
  }

  private static DetectionResult detection(ProbabilityMap map, String modelName) {
    ModelInfo model = new ModelInfo(modelName, "0.1.0", "ab".repeat(32), "test", 256, 128, 1,
        "bits_stored", 0.5f, Map.of());
    StageTimings timings = new StageTimings(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    return new DetectionResult(0.95, map, map.lesions(0.5), 1, ExecutionProvider.CPU, timings, model);
  }
}
