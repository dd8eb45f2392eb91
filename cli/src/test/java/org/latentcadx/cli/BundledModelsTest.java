package org.latentcadx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentcadx.sdk.DetectionResult;
import org.latentcadx.sdk.ImageMetadata;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.ModelSource;

/**
 * What any bundled model must not do whatever its training: call an image without tissue a lesion.
 * A model can learn "air means lesion" (normal training patches are at most half air, lesion windows
 * near an edge hold air or zeros; one seed of the study's configuration did), and the sliding window
 * covers the air beside the breast like tissue, so such a model marks every image.
 */
class BundledModelsTest {

  static java.util.List<String> names() {
    return BundledModels.names();
  }

  @ParameterizedTest
  @MethodSource("names")
  void anEmptyImageIsNegativeWithoutMarks(String model) throws Exception {
    for (float level : new float[] {0f, 0.02f}) { // air, and air with a faint detector offset (in [0, 1])
      float[] pixels = new float[1024 * 1024];
      Arrays.fill(pixels, level);
      MammogramImage empty = MammogramImage.ofFloats(1024, 1024, pixels, ImageMetadata.of("empty"));
      try (LesionDetector detector = LesionDetector.builder(ModelSource.classpath(model)).build()) {
        DetectionResult result = detector.detect(empty);

        assertThat(result.imageProbability())
            .as("%s on an empty image at %s", model, level)
            .isLessThan(detector.modelInfo().decisionThreshold());
        assertThat(result.lesions()).as(model).isEmpty();
      }
    }
  }
}
