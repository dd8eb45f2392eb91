package org.latentcadx.sdk.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.ProbabilityMap;
import org.latentcadx.sdk.ProbabilityMap.UpsampleMethod;
import org.latentcadx.sdk.testing.Processes;

class SegmentationTest {

  private static final AlgorithmIdentity ALGORITHM = new AlgorithmIdentity("LatentCADx test", "0.1.0");

  @TempDir Path directory;

  private final DicomImage source = readSource();

  @Test
  void binarySegmentationPassesDciodvfyWithoutErrors() throws Exception {
    DicomOracles.assumeTool("dciodvfy");
    Path seg = directory.resolve("binary.dcm");
    DicomResultWriter.create(ALGORITHM).writeLesionSegmentation(source.source(), blob(1), 0.5, seg);

    assertThat(DicomOracles.dciodvfyErrors(seg)).isEmpty();
  }

  @Test
  void fractionalSegmentationPassesDciodvfyWithoutErrors() throws Exception {
    DicomOracles.assumeTool("dciodvfy");
    Path seg = directory.resolve("fractional.dcm");
    DicomResultWriter.create(ALGORITHM).writeProbabilitySegmentation(source.source(), blob(4), seg);

    assertThat(DicomOracles.dciodvfyErrors(seg)).isEmpty();
  }

  @Test
  void dcmdumpReadsTheSegmentation() throws Exception {
    DicomOracles.assumeTool("dcmdump");
    Path seg = directory.resolve("binary.dcm");
    DicomResultWriter.create(ALGORITHM).writeLesionSegmentation(source.source(), blob(1), 0.5, seg);

    Processes.Result dump = DicomOracles.run("dcmdump", seg.toString());
    assertThat(dump.exitCode()).as(dump.output()).isZero();
    assertThat(dump.output()).contains("(0062,0008) CS [AUTOMATIC]").contains("SegmentationStorage");
  }

  @Test
  void pydicomReadsBackTheBinaryMaskThatWasWritten() throws Exception {
    DicomOracles.assumePydicom();
    ProbabilityMap map = blob(4);
    Path seg = directory.resolve("binary.dcm");
    DicomResultWriter.create(ALGORITHM).writeLesionSegmentation(source.source(), map, 0.5, seg);

    Map<String, String> attributes = readBack(seg);
    byte[] mask = Files.readAllBytes(directory.resolve("pixels.raw"));

    float[] upsampled = map.toOriginalSize(UpsampleMethod.BILINEAR).values();
    byte[] expected = new byte[upsampled.length];
    for (int i = 0; i < upsampled.length; i++) {
      expected[i] = (byte) (upsampled[i] >= 0.5f ? 1 : 0);
    }
    assertThat(mask).containsExactly(expected);
    assertThat(mask).contains((byte) 1).contains((byte) 0);
    assertThat(attributes)
        .containsEntry("SOPClassUID", Segmentation.SEGMENTATION_STORAGE)
        .containsEntry("Rows", "96")
        .containsEntry("Columns", "128")
        .containsEntry("SegmentationType", "BINARY")
        .containsEntry("SegmentAlgorithmType", "AUTOMATIC")
        .containsEntry("SegmentAlgorithmName", ALGORITHM.name())
        .containsEntry("SegmentedPropertyTypeCode", "52988006")
        .containsEntry("SourceImageUID", source.source().sopInstanceUid())
        .containsEntry("ReferencedInstanceUID", source.source().sopInstanceUid());
  }

  @Test
  void pydicomReadsBackTheProbabilitiesThatWereWritten() throws Exception {
    DicomOracles.assumePydicom();
    ProbabilityMap map = blob(1);
    Path seg = directory.resolve("fractional.dcm");
    DicomResultWriter.create(ALGORITHM).writeProbabilitySegmentation(source.source(), map, seg);

    Map<String, String> attributes = readBack(seg);
    byte[] levels = Files.readAllBytes(directory.resolve("pixels.raw"));

    float[] values = map.values();
    assertThat(levels).hasSize(values.length);
    for (int i = 0; i < values.length; i++) {
      assertThat(levels[i] & 0xFF).isEqualTo(Math.round(values[i] * 255));
    }
    assertThat(attributes).containsEntry("SegmentationType", "FRACTIONAL");
  }

  @Test
  void refusesAMapOfAnotherImage() throws Exception {
    ProbabilityMap other = new ProbabilityMap(10, 10, 1, 10, 10, new float[100]);

    assertThatThrownBy(() -> DicomResultWriter.create(ALGORITHM)
            .writeLesionSegmentation(source.source(), other, 0.5, directory.resolve("x.dcm")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10 x 10")
        .hasMessageContaining("128 x 96");
  }

  /** A smooth blob of lesion probability over the 128 × 96 source, at the given downsampling. */
  static ProbabilityMap blob(int factor) {
    int width = (128 + factor - 1) / factor;
    int height = (96 + factor - 1) / factor;
    float[] values = new float[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double dx = (x + 0.5) * factor - 70;
        double dy = (y + 0.5) * factor - 40;
        values[y * width + x] = (float) Math.exp(-(dx * dx + dy * dy) / (2 * 15.0 * 15.0));
      }
    }
    return new ProbabilityMap(width, height, factor, 128, 96, values);
  }

  static DicomImage readSource() {
    try {
      return DicomReader.create().read(DicomFixtures.DIRECTORY.resolve("mg_u16_mono2_explicit_le.dcm"));
    } catch (LatentCadxException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, String> readBack(Path file) throws Exception {
    Processes.Result result = DicomOracles.run(DicomOracles.PYTHON.toString(),
        DicomOracles.READ_BACK_SCRIPT.toString(), file.toString(), directory.resolve("pixels.raw").toString());
    assertThat(result.exitCode()).as(result.output()).isZero();
    Map<String, String> attributes = new HashMap<>();
    for (String line : result.output().split("\n")) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        attributes.put(line.substring(0, equals), line.substring(equals + 1).trim());
      }
    }
    return attributes;
  }
}
