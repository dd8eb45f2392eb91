package org.latentcadx.sdk.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.ProbabilityMap;

/** Every kind of object the SDK writes, derived from every readable fixture, passes dciodvfy. */
class WrittenObjectsValidityTest {

  private static final AlgorithmIdentity ALGORITHM = new AlgorithmIdentity("LatentCADx test", "0.1.0");

  @TempDir Path directory;

  static Stream<DicomFixtures.Readable> readable() {
    return DicomFixtures.readable();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readable")
  void segmentationsAndOverlayOfEverySourcePassDciodvfy(DicomFixtures.Readable fixture) throws Exception {
    DicomOracles.assumeTool("dciodvfy");
    DicomImage source = DicomReader.create().read(fixture.path());
    MammogramImage image = source.image();
    float[] ramp = new float[image.width() * image.height()];
    for (int i = 0; i < ramp.length; i++) {
      ramp[i] = (float) (i % image.width()) / image.width();
    }
    ProbabilityMap map =
        new ProbabilityMap(image.width(), image.height(), 1, image.width(), image.height(), ramp);

    Path binary = directory.resolve("binary.dcm");
    Path fractional = directory.resolve("fractional.dcm");
    Path overlay = directory.resolve("overlay.dcm");
    DicomResultWriter.create(ALGORITHM).writeLesionSegmentation(source.source(), map, 0.5, binary);
    DicomResultWriter.create(ALGORITHM).writeProbabilitySegmentation(source.source(), map, fractional);
    DicomResultWriter.create(ALGORITHM).writeHeatmapOverlay(source, map, 0.5, overlay);

    assertThat(DicomOracles.dciodvfyErrors(binary)).as("binary SEG").isEmpty();
    assertThat(DicomOracles.dciodvfyErrors(fractional)).as("fractional SEG").isEmpty();
    assertThat(DicomOracles.dciodvfyErrors(overlay)).as("overlay").isEmpty();
  }
}
