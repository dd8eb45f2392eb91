package org.latentcadx.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.latentcadx.sdk.DetectorFixtures.detector;
import static org.latentcadx.sdk.DetectorFixtures.sparse8;

import java.nio.file.Path;
import java.util.Random;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.internal.postprocess.GaussianSmoothing;
import org.latentcadx.sdk.testing.TestModel;

/** The whole pipeline against hand-computed expectations, with the tiny test models. */
class LesionDetectorTest {

  @TempDir Path folder;

  private static final float P1 = 128 / 255f;
  private static final float P2 = 51 / 255f;

  /**
   * A 7×5 image, tile 4, stride 2: columns start at 0, 2 and (shifted) 3; rows at 0 and (shifted) 1;
   * six tiles, batch 4 leaves a batch of 2. Pixel (0,0) = 128 lies only in tile (0,0); pixel (6,4) = 51
   * only in tile (3,1). Tile maxima: P1, 0, 0, 0, 0, P2.
   */
  private MammogramImage oddImage() throws LatentCadxException {
    return sparse8(7, 5, new int[] {0, 0, 128}, new int[] {6, 4, 51});
  }

  @Test
  void identityModelGivesTheImageAsMapAndTileMaximaAsProbabilities() throws Exception {
    try (LesionDetector detector =
        detector(TestModel.identity(4), folder).batchSize(4).stride(2).build()) {
      DetectionResult result = detector.detect(oddImage());

      assertThat(result.tileCount()).isEqualTo(6);
      assertThat(result.imageProbability()).isEqualTo(P1);
      ProbabilityMap map = result.probabilityMap();
      assertThat(map.width()).isEqualTo(7);
      assertThat(map.height()).isEqualTo(5);
      float[] expected = new float[35];
      expected[0] = P1;
      expected[34] = P2;
      assertThat(map.values()).containsExactly(expected);
      assertThat(result.executionProvider()).isEqualTo(ExecutionProvider.CPU);
      assertThat(result.model().name()).isEqualTo("test-identity");
      assertThat(result.model().sha256()).hasSize(64);
    }
  }

  @Test
  void aggregationsCombineTheTileMaxima() throws Exception {
    assertThat(probability(Aggregation.max())).isEqualTo(P1);
    assertThat(probability(Aggregation.noisyOr()))
        .isEqualTo(1 - (1 - (double) P1) * (1 - (double) P2));
    assertThat(probability(Aggregation.topKMean(2))).isEqualTo(((double) P1 + P2) / 2);
    assertThat(probability(Aggregation.topKMean(3))).isEqualTo(((double) P1 + P2) / 3);
    assertThat(probability(Aggregation.topKMean(100))).isEqualTo(((double) P1 + P2) / 6);
  }

  private double probability(Aggregation aggregation) throws Exception {
    try (LesionDetector detector =
        detector(TestModel.identity(4), folder).stride(2).aggregation(aggregation).build()) {
      return detector.detect(oddImage()).imageProbability();
    }
  }

  @Test
  void lesionsAreConnectedComponentsAboveTheThreshold() throws Exception {
    MammogramImage image =
        sparse8(
            7, 5,
            new int[] {0, 0, 128},
            new int[] {1, 1, 255}, // diagonal neighbour of (0,0): same lesion
            new int[] {5, 3, 51},
            new int[] {6, 4, 20}); // below the threshold
    try (LesionDetector detector =
        detector(TestModel.identity(4), folder).stride(2).lesionThreshold(0.15f).build()) {
      DetectionResult result = detector.detect(image);

      // Overlapping tiles agree on every pixel, so their weighted mean is the pixel (to float rounding).
      assertThat(result.lesions())
          .usingRecursiveFieldByFieldElementComparator(
              RecursiveComparisonConfiguration.builder()
                  .withComparatorForFields(
                      (Float a, Float b) -> Math.abs(a - b) <= 1e-6f ? 0 : Float.compare(a, b),
                      "peakProbability", "meanProbability")
                  .build())
          .containsExactly(
              new Lesion(
                  new BoundingBox(0, 0, 2, 2), new BoundingBox(0, 0, 2, 2), 2, 1f, (P1 + 1f) / 2, 1, 1),
              new Lesion(new BoundingBox(5, 3, 1, 1), new BoundingBox(5, 3, 1, 1), 1, P2, P2, 5, 3));
    }
  }

  /**
   * Tile-max model, 6×4 image, tile 4, stride 2: tiles at x = 0 (max A = 1) and x = 2 (max B = P2).
   * Tent weights for T = 4 are 1, 2, 2, 1; rows weigh the same in both tiles. Column 2 is offset 2 of
   * tile A (weight 2) and offset 0 of tile B (weight 1): (2A + B)/3; column 3: (A + 2B)/3.
   */
  @Test
  void overlappingMasksBlendWithTentWeights() throws Exception {
    MammogramImage image = sparse8(6, 4, new int[] {0, 0, 255}, new int[] {5, 3, 51});
    try (LesionDetector detector = detector(TestModel.tileMax(4), folder).stride(2).build()) {
      ProbabilityMap map = detector.detect(image).probabilityMap();

      float[] row = {1f, 1f, (float) ((2.0 + P2) / 3), (float) ((1.0 + 2.0 * P2) / 3), P2, P2};
      for (int y = 0; y < 4; y++) {
        for (int x = 0; x < 6; x++) {
          assertThat(map.get(x, y)).as("(%d, %d)", x, y).isEqualTo(row[x]);
        }
      }
    }
  }

  @Test
  void imageSmallerThanATileIsPaddedAndTheMapKeepsTheImageSize() throws Exception {
    MammogramImage image = sparse8(3, 5, new int[] {2, 4, 255}, new int[] {1, 0, 51});
    try (LesionDetector detector = detector(TestModel.identity(8), folder).build()) {
      DetectionResult result = detector.detect(image);

      assertThat(result.tileCount()).isEqualTo(1);
      assertThat(result.imageProbability()).isEqualTo(1f);
      float[] expected = new float[15];
      expected[14] = 1f;
      expected[1] = P2;
      assertThat(result.probabilityMap().values()).containsExactly(expected);
    }
  }

  /** A 1×1 image at factor 4: one block of one pixel and 15 padding zeros, in one padded tile. */
  @Test
  void singlePixelImageBecomesOneMapPixel() throws Exception {
    TestModel model = TestModel.identity(4).metadata("latentcadx.downsample_factor", "4");
    try (LesionDetector detector = detector(model, folder).build()) {
      DetectionResult result = detector.detect(sparse8(1, 1, new int[] {0, 0, 255}));

      assertThat(result.probabilityMap().values()).containsExactly(1f / 16);
      assertThat(result.probabilityMap().toOriginalSize(ProbabilityMap.UpsampleMethod.BILINEAR).values())
          .containsExactly(1f / 16);
      assertThat(result.imageProbability()).isEqualTo(1f / 16);
      assertThat(result.lesions()).isEmpty();
    }
  }

  /**
   * Downsample factor 2 on a 5×3 image: padded with zeros to 6×4, 2×2 block means give a 3×2 map.
   * Pixel (4,2) = 255 is alone in block (2,1) with three padding zeros: 1/4.
   */
  @Test
  void downsamplingAveragesBlocksAndLesionBoxesMapBackToTheImage() throws Exception {
    MammogramImage image =
        DetectorFixtures.image8(
            new int[][] {
              {255, 255, 0, 0, 0},
              {255, 255, 0, 0, 0},
              {0, 0, 0, 0, 255}
            });
    TestModel model = TestModel.identity(2).metadata("latentcadx.downsample_factor", "2");
    try (LesionDetector detector = detector(model, folder).lesionThreshold(0.2f).build()) {
      DetectionResult result = detector.detect(image);

      ProbabilityMap map = result.probabilityMap();
      assertThat(map.width()).isEqualTo(3);
      assertThat(map.height()).isEqualTo(2);
      assertThat(map.values()).containsExactly(1f, 0f, 0f, 0f, 0f, 0.25f);
      assertThat(result.lesions())
          .containsExactly(
              new Lesion(new BoundingBox(0, 0, 1, 1), new BoundingBox(0, 0, 2, 2), 1, 1f, 1f, 0, 0),
              new Lesion(new BoundingBox(2, 1, 1, 1), new BoundingBox(4, 2, 1, 1), 1, 0.25f, 0.25f, 2, 1));
    }
  }

  @Test
  void mapSmoothingLetsABroadResponseOutrankANarrowSpike() throws Exception {
    // A single bright pixel (255) and a 3×3 block of 200 on a 9×5 image; identity model, tile 4.
    int[][] pixels = new int[10][];
    pixels[0] = new int[] {1, 2, 255};
    for (int i = 0; i < 9; i++) {
      pixels[i + 1] = new int[] {5 + i % 3, 1 + i / 3, 200};
    }
    MammogramImage image = sparse8(9, 5, pixels);
    try (LesionDetector plain = detector(TestModel.identity(4), folder).stride(2).build();
        LesionDetector smoothing =
            detector(TestModel.identity(4), folder).stride(2).mapSmoothing(1).build()) {
      ProbabilityMap unsmoothed = plain.detect(image).probabilityMap();
      DetectionResult result = smoothing.detect(image);

      float[] expected = unsmoothed.values();
      GaussianSmoothing.smoothInPlace(expected, 9, 5, 1, 1);
      assertThat(result.probabilityMap().values()).containsExactly(expected);
      assertThat(result.lesions())
          .isEqualTo(result.probabilityMap().lesions(smoothing.lesionThreshold()));
      assertThat(unsmoothed.lesions(0.1).get(0).peakMapX()).isEqualTo(1);
      assertThat(result.probabilityMap().lesions(0.1).get(0).peakMapX()).isEqualTo(6);
    }
  }

  @Test
  void theModelsMapSmoothingIsTheDefaultAndTheBuilderOverridesIt() throws Exception {
    MammogramImage image = sparse8(9, 5, new int[][] {{1, 2, 255}, {6, 2, 200}, {6, 3, 120}});
    TestModel smoothingModel = TestModel.identity(4).metadata("latentcadx.map_smoothing_sigma", "1.5");
    try (LesionDetector plain = detector(TestModel.identity(4), folder).stride(2).build();
        LesionDetector modelDefault = detector(smoothingModel, folder).stride(2).build();
        LesionDetector overridden = detector(smoothingModel, folder).stride(2).mapSmoothing(0).build()) {
      float[] expected = plain.detect(image).probabilityMap().values();
      assertThat(overridden.mapSmoothing()).isZero();
      assertThat(overridden.detect(image).probabilityMap().values()).containsExactly(expected);

      GaussianSmoothing.smoothInPlace(expected, 9, 5, 1.5, 1);
      assertThat(modelDefault.mapSmoothing()).isEqualTo(1.5);
      assertThat(modelDefault.modelInfo().mapSmoothing()).isEqualTo(1.5);
      assertThat(modelDefault.detect(image).probabilityMap().values()).containsExactly(expected);
      assertThat(plain.mapSmoothing()).isZero();
    }
  }

  @Test
  void everyBatchSizeGivesTheSameExactResult() throws Exception {
    Random random = new Random(7);
    int[][] rows = new int[17][23];
    for (int[] row : rows) {
      for (int x = 0; x < row.length; x++) {
        row[x] = random.nextInt(256);
      }
    }
    MammogramImage image = DetectorFixtures.image8(rows);
    float[] normalised = image.pixels();
    for (int i = 0; i < normalised.length; i++) {
      normalised[i] = (float) (normalised[i] / 255.0);
    }
    TestModel model = TestModel.identity(8);
    for (int batch = 1; batch <= 7; batch++) {
      try (LesionDetector detector = detector(model, folder).stride(3).batchSize(batch).build()) {
        DetectionResult result = detector.detect(image);
        // columns 0,3,6,9,12,15 (+ none: 15 + 8 = 23); rows 0,3,6,9 (+ shifted 9: no) => 6 x 4
        assertThat(result.tileCount()).as("batch %d", batch).isEqualTo(24);
        assertThat(result.probabilityMap().values())
            .as("batch %d", batch)
            .containsExactly(normalised, within(1e-6f));
      }
    }
  }
}
