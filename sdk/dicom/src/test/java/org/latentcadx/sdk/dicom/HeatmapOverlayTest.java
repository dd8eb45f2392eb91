package org.latentcadx.sdk.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.ProbabilityMap;
import org.latentcadx.sdk.render.OverlayRenderer;
import org.latentcadx.sdk.testing.Processes;

class HeatmapOverlayTest {

  private static final AlgorithmIdentity ALGORITHM = new AlgorithmIdentity("LatentCADx test", "0.1.0");

  @TempDir Path directory;

  private final DicomImage source = SegmentationTest.readSource();

  @Test
  void passesDciodvfyWithoutErrorsAndDcmtkReadsAndDecompressesIt() throws Exception {
    DicomOracles.assumeTool("dciodvfy");
    DicomOracles.assumeTool("dcmdump");
    DicomOracles.assumeTool("dcmdrle");
    Path overlay = directory.resolve("overlay.dcm");
    DicomResultWriter.create(ALGORITHM).writeHeatmapOverlay(source, SegmentationTest.blob(4), 0.5, overlay);

    assertThat(DicomOracles.dciodvfyErrors(overlay)).isEmpty();
    Processes.Result dump = DicomOracles.run("dcmdump", overlay.toString());
    assertThat(dump.exitCode()).as(dump.output()).isZero();
    assertThat(dump.output()).contains("(0028,0004) CS [YBR_FULL]").contains("RLELossless");
    Path decompressed = directory.resolve("decompressed.dcm");
    Processes.Result rle = DicomOracles.run("dcmdrle", overlay.toString(), decompressed.toString());
    assertThat(rle.exitCode()).as(rle.output()).isZero();
    assertThat(DicomOracles.dciodvfyErrors(decompressed)).isEmpty();
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
        .contains("TransferSyntaxUID=" + RleLossless.TRANSFER_SYNTAX)
        .contains("SourceImageUID=" + source.source().sopInstanceUid());
    assertThat(uid).isNotEqualTo(source.source().sopInstanceUid());

    // pydicom converts YBR_FULL back to RGB: grey pixels exactly, tinted ones within rounding.
    byte[] decoded = Files.readAllBytes(pixels);
    byte[] rendered = rendered(map);
    assertThat(decoded).hasSize(128 * 96 * 3);
    int tinted = 0;
    for (int pixel = 0; pixel < 128 * 96; pixel++) {
      int at = 3 * pixel;
      boolean grey = rendered[at] == rendered[at + 1] && rendered[at] == rendered[at + 2];
      tinted += grey ? 0 : 1;
      for (int c = 0; c < 3; c++) {
        int difference = Math.abs((decoded[at + c] & 0xFF) - (rendered[at + c] & 0xFF));
        assertThat(difference).as("pixel %d channel %d", pixel, c).isLessThanOrEqualTo(grey ? 0 : 2);
      }
    }
    assertThat(tinted).isPositive();
  }

  /** What the SC shows: the overlay at display size, interleaved RGB. */
  private byte[] rendered(ProbabilityMap map) {
    BufferedImage picture =
        OverlayRenderer.render(source.image(), map, 0.5, HeatmapOverlay.DISPLAY_MAX_SIDE);
    int[] argb = picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0, picture.getWidth());
    byte[] rgb = new byte[argb.length * 3];
    for (int i = 0; i < argb.length; i++) {
      rgb[3 * i] = (byte) (argb[i] >> 16);
      rgb[3 * i + 1] = (byte) (argb[i] >> 8);
      rgb[3 * i + 2] = (byte) argb[i];
    }
    return rgb;
  }

  @Test
  void drawsGreyWhereNothingIsProbableAndColourWhereALesionIs() {
    float[] probability = new float[128 * 96];
    probability[40 * 128 + 70] = 0.4f;
    ProbabilityMap map = new ProbabilityMap(128, 96, 1, 128, 96, probability);
    byte[] rgb = rendered(map);

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
