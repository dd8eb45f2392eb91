package org.latentcadx.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.testing.TestModel;

class ScoreImageTest {

  @TempDir Path folder;

  @Test
  void scoresAPngWithAModelFile() throws Exception {
    Path model = TestModel.identity(8).writeTo(folder.resolve("tiny.onnx"));
    BufferedImage image = new BufferedImage(12, 10, BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setSample(5, 4, 0, 255);
    image.getRaster().setSample(6, 4, 0, 255);
    Path png = folder.resolve("mammogram.png");
    ImageIO.write(image, "png", png.toFile());

    String report = ScoreImage.score(model.toString(), png, "cpu");

    assertThat(report)
        .contains("lesion probability 1.0000 (positive at threshold 0.50)")
        .contains("model test-identity 0.0.1")
        .contains("on CPU")
        .contains("lesion at x=5 y=4 2x1 px, peak 1.000, mean 1.000");
  }
}
