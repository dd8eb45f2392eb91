package org.latentcadx.sdk.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.ProbabilityMap;
import org.latentcadx.sdk.testing.Processes;

class HeatmapOverlayTest {

  private static final AlgorithmIdentity ALGORITHM = new AlgorithmIdentity("LatentCADx test", "0.1.0");

  @TempDir Path directory;

  private final DicomImage source = SegmentationTest.readSource();

  @Test
  void passesDciodvfyWithoutErrorsAndDcmdumpReadsIt() throws Exception {
    DicomOracles.assumeTool("dciodvfy");
    DicomOracles.assumeTool("dcmdump");
    Path overlay = directory.resolve("overlay.dcm");
    DicomResultWriter.create(ALGORITHM).writeHeatmapOverlay(source, SegmentationTest.blob(4), 0.5, overlay);

    assertThat(DicomOracles.dciodvfyErrors(overlay)).isEmpty();
    Processes.Result dump = DicomOracles.run("dcmdump", overlay.toString());
    assertThat(dump.exitCode()).as(dump.output()).isZero();
    assertThat(dump.output()).contains("(0028,0004) CS [RGB]");
  }

  @Test
  void pydicomReadsBackTheRenderedPixels() throws Exception {
    DicomOracles.assumePydicom();
    ProbabilityMap map = SegmentationTest.blob(4);
    Path overlay = directory.resolve("overlay.dcm");
    String uid = DicomResultWriter.create(ALGORITHM).writeHeatmapOverlay(source, map, 0.5, overlay);

    Path pixels = directory.resolve("pixels.raw");
    Processes.Result result = DicomOracles.run(DicomOracles.PYTHON.toString(),
        DicomOracles.READ_BACK_SCRIPT.toString(), overlay.toString(), pixels.toString());
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("SOPClassUID=" + HeatmapOverlay.SECONDARY_CAPTURE_STORAGE)
        .contains("SourceImageUID=" + source.source().sopInstanceUid());
    assertThat(uid).isNotEqualTo(source.source().sopInstanceUid());

    byte[] rgb = Files.readAllBytes(pixels);
    byte[] rendered = HeatmapOverlay.render(source.image(), map, 0.5);
    assertThat(rgb).containsExactly(Arrays.copyOf(rendered, 128 * 96 * 3));
  }

  @Test
  void drawsGreyWhereNothingIsProbableAndColourWhereALesionIs() {
    float[] probability = new float[128 * 96];
    probability[40 * 128 + 70] = 0.4f;
    ProbabilityMap map = new ProbabilityMap(128, 96, 1, 128, 96, probability);
    byte[] rgb = HeatmapOverlay.render(source.image(), map, 0.5);

    int far = 3 * (10 * 128 + 10);
    assertThat(rgb[far]).isEqualTo(rgb[far + 1]).isEqualTo(rgb[far + 2]);
    int hot = 3 * (40 * 128 + 70);
    assertThat(rgb[hot] == rgb[hot + 1] && rgb[hot + 1] == rgb[hot + 2]).isFalse();
  }

  @Test
  void refusesAMapOfAnotherImage() throws Exception {
    ProbabilityMap other = new ProbabilityMap(10, 10, 1, 10, 10, new float[100]);

    assertThatThrownBy(() -> DicomResultWriter.create(ALGORITHM)
            .writeHeatmapOverlay(source, other, 0.5, directory.resolve("x.dcm")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("128 x 96");
  }
}
