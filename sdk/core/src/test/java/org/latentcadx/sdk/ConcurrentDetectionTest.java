package org.latentcadx.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.testing.TestModel;

/** One detector shared by many threads gives the same results as sequential calls. */
class ConcurrentDetectionTest {

  @TempDir Path folder;

  @Test
  void manyThreadsGetIdenticalResults() throws Exception {
    List<MammogramImage> images = new ArrayList<>();
    Random random = new Random(3);
    for (int i = 0; i < 4; i++) {
      int width = 60 + 13 * i;
      int height = 45 + 7 * i;
      short[] pixels = new short[width * height];
      for (int p = 0; p < pixels.length; p++) {
        pixels[p] = (short) random.nextInt(4096);
      }
      images.add(
          MammogramImage.ofShorts(
              width, height, pixels, false, ImageMetadata.of("image-" + i).withBitsStored(12)));
    }
    TestModel model = TestModel.convolutional(16, new int[] {4, 4}, 11);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (LesionDetector detector =
        DetectorFixtures.detector(model, folder).batchSize(3).lesionThreshold(0.5f).build()) {
      List<DetectionResult> expected = new ArrayList<>();
      for (MammogramImage image : images) {
        expected.add(detector.detect(image));
      }
      List<Future<DetectionResult>> futures = new ArrayList<>();
      List<Integer> imageOfFuture = new ArrayList<>();
      for (int call = 0; call < 64; call++) {
        int index = call % images.size();
        Callable<DetectionResult> task = () -> detector.detect(images.get(index));
        futures.add(pool.submit(task));
        imageOfFuture.add(index);
      }
      for (int i = 0; i < futures.size(); i++) {
        DetectionResult actual = futures.get(i).get();
        DetectionResult reference = expected.get(imageOfFuture.get(i));
        assertThat(actual.imageProbability()).isEqualTo(reference.imageProbability());
        assertThat(actual.probabilityMap().values())
            .containsExactly(reference.probabilityMap().values());
        assertThat(actual.lesions()).isEqualTo(reference.lesions());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void closedDetectorsRefuseWork() throws Exception {
    LesionDetector detector = DetectorFixtures.detector(TestModel.identity(4), folder).build();
    detector.close();
    detector.close();
    MammogramImage image = DetectorFixtures.sparse8(4, 4);
    assertThatThrownBy(() -> detector.detect(image))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
  }
}
