package org.latentcadx.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.testing.TestModel;

/**
 * The whole pipeline against an independent numpy/scipy implementation of the documented algorithm
 * ({@code sdk/core/src/test/fixtures/make_pipeline_fixture.py}, which regenerates {@code pipeline/}): a
 * 203×157 12-bit image, downsample factor 2, tile 16, stride 5, the tile-max test model.
 */
class PipelineOracleTest {

  private static final double TOLERANCE = 1e-6;

  @TempDir Path folder;

  @Test
  void mapProbabilitiesAndLesionsMatchTheOracle() throws Exception {
    Properties expected = new Properties();
    expected.load(new StringReader(resourceText("expected.properties")));
    int width = integer(expected, "width");
    int height = integer(expected, "height");
    ByteBuffer raw = ByteBuffer.wrap(resource("image.u16le")).order(ByteOrder.LITTLE_ENDIAN);
    short[] pixels = new short[width * height];
    raw.asShortBuffer().get(pixels);
    MammogramImage image =
        MammogramImage.ofShorts(
            width, height, pixels, false,
            ImageMetadata.of("oracle").withBitsStored(integer(expected, "bits")));
    TestModel model =
        TestModel.tileMax(integer(expected, "tile"))
            .metadata("latentcadx.downsample_factor", expected.getProperty("factor"))
            .metadata("latentcadx.tile_stride", expected.getProperty("stride"))
            .metadata("latentcadx.decision_threshold", expected.getProperty("threshold"));

    DetectionResult max = detect(model, image, Aggregation.max());
    DetectionResult topK = detect(model, image, Aggregation.topKMean(integer(expected, "top_k")));

    assertThat(max.tileCount()).isEqualTo(integer(expected, "tiles"));
    assertThat(max.imageProbability()).isCloseTo(decimal(expected, "max"), within(TOLERANCE));
    assertThat(topK.imageProbability()).isCloseTo(decimal(expected, "top_k_mean"), within(TOLERANCE));
    ProbabilityMap map = max.probabilityMap();
    assertThat(map.width()).isEqualTo(integer(expected, "map_width"));
    assertThat(map.height()).isEqualTo(integer(expected, "map_height"));
    float[] expectedMap = new float[map.width() * map.height()];
    ByteBuffer.wrap(resource("map.f32le")).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(expectedMap);
    float[] actualMap = map.values();
    for (int i = 0; i < expectedMap.length; i++) {
      assertThat(actualMap[i]).as("map pixel %d", i).isCloseTo(expectedMap[i], within((float) TOLERANCE));
    }
    assertLesions(max.lesions(), resourceText("lesions.tsv"));
  }

  private DetectionResult detect(TestModel model, MammogramImage image, Aggregation aggregation)
      throws LatentCadxException {
    try (LesionDetector detector =
        DetectorFixtures.detector(model, folder).batchSize(7).aggregation(aggregation).build()) {
      return detector.detect(image);
    }
  }

  private static void assertLesions(List<Lesion> actual, String table) {
    List<String[]> rows = new ArrayList<>();
    for (String line : table.strip().split("\n")) {
      if (!line.startsWith("map_x")) {
        rows.add(line.split("\t"));
      }
    }
    assertThat(actual).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      Lesion lesion = actual.get(i);
      assertThat(lesion.mapBox()).isEqualTo(box(row, 0));
      assertThat(lesion.imageBox()).isEqualTo(box(row, 4));
      assertThat(lesion.areaMapPixels()).isEqualTo(Integer.parseInt(row[8]));
      assertThat((double) lesion.peakProbability())
          .isCloseTo(Double.parseDouble(row[9]), within(TOLERANCE));
      assertThat((double) lesion.meanProbability())
          .isCloseTo(Double.parseDouble(row[10]), within(TOLERANCE));
    }
  }

  private static BoundingBox box(String[] row, int first) {
    return new BoundingBox(
        Integer.parseInt(row[first]),
        Integer.parseInt(row[first + 1]),
        Integer.parseInt(row[first + 2]),
        Integer.parseInt(row[first + 3]));
  }

  private static int integer(Properties properties, String key) {
    return Integer.parseInt(properties.getProperty(key));
  }

  private static double decimal(Properties properties, String key) {
    return Double.parseDouble(properties.getProperty(key));
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = PipelineOracleTest.class.getResourceAsStream("/pipeline/" + name)) {
      assertThat(in).as("test resource pipeline/%s", name).isNotNull();
      return in.readAllBytes();
    }
  }

  private static String resourceText(String name) throws IOException {
    return new String(resource(name), StandardCharsets.UTF_8);
  }
}
