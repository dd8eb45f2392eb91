package org.latentcadx.samples;

import java.nio.file.Path;
import org.latentcadx.sdk.DetectionResult;
import org.latentcadx.sdk.Device;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.Lesion;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.ImageFiles;
import org.latentcadx.sdk.ModelSource;

/**
 * How a vendor embeds the LatentCADx SDK: build one detector per model (it is thread-safe, share it),
 * read or wrap an image, detect, use the result. DICOM files are read because the DICOM artifact is on
 * the class path; nothing here names it.
 *
 * <pre>
 * java -cp ... org.latentcadx.samples.ScoreImage &lt;model.onnx | bundled-model-name&gt; &lt;image.png|tif|dcm&gt; [cpu|cuda|cuda:N|auto]
 * </pre>
 *
 * A model argument ending in {@code .onnx} or containing a path separator is a file; anything else is
 * the name of a model bundled on the classpath ({@code org/latentcadx/models/<name>.onnx}).
 */
public final class ScoreImage {

  private ScoreImage() {}

  public static void main(String[] args) {
    if (args.length < 2 || args.length > 3) {
      System.err.println(
          "usage: ScoreImage <model.onnx | bundled-model-name> <image.png|tif|dcm> [cpu|cuda|cuda:N|auto]");
      System.exit(2);
    }
    try {
      System.out.print(score(args[0], Path.of(args[1]), args.length == 3 ? args[2] : "auto"));
    } catch (LatentCadxException e) {
      System.err.println("error " + e.code() + ": " + e.getMessage());
      System.exit(1);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    }
  }

  /** Scores the image and describes the result. */
  static String score(String model, Path image, String device) throws LatentCadxException {
    boolean file = model.endsWith(".onnx") || model.contains("/") || model.contains("\\");
    ModelSource source = file ? ModelSource.path(Path.of(model)) : ModelSource.classpath(model);
    try (LesionDetector detector =
        LesionDetector.builder(source).device(Device.parse(device)).build()) {
      detector.deviceFallbackReason().ifPresent(reason -> System.err.println("note: " + reason));
      DetectionResult result = detector.detect(ImageFiles.read(image).image());
      return describe(image, result);
    }
  }

  private static String describe(Path image, DetectionResult result) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(
        "%s: lesion probability %.4f (%s at threshold %.2f)%n",
        image, result.imageProbability(), result.positive() ? "positive" : "negative",
        result.model().decisionThreshold()));
    text.append(String.format(
        "model %s %s (sha256 %s) on %s, %d tiles, %d ms%n",
        result.model().name(), result.model().version(), result.model().sha256(),
        result.executionProvider(), result.tileCount(), result.timings().total().toMillis()));
    for (Lesion lesion : result.lesions()) {
      text.append(String.format(
          "  lesion at x=%d y=%d %dx%d px, peak %.3f, mean %.3f%n",
          lesion.imageBox().x(), lesion.imageBox().y(), lesion.imageBox().width(),
          lesion.imageBox().height(), lesion.peakProbability(), lesion.meanProbability()));
    }
    return text.toString();
  }
}
