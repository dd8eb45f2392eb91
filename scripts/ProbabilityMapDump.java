import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.latentcadx.sdk.Aggregation;
import org.latentcadx.sdk.DetectionResult;
import org.latentcadx.sdk.ImageFiles;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.ModelSource;
import org.latentcadx.sdk.ProbabilityMap;
import org.latentcadx.trainer.data.SyntheticImages;

/**
 * The SDK's probability map of every image named in an ImageStudyCommand per-image scores file, detected
 * as ImageStudyCommand detects it (each pixel repeated 4 × 4, the model's own tiling, the maximum tile
 * probability) but never smoothed, whatever smoothing the model carries (the caller smooths), written as
 * raw little-endian float32 files N.f32 (row-major, model scale) with an index.csv (n, image, width,
 * height, image_probability). For scripts/probe-map-smoothing and its kin; run with the trainer's class
 * path: java -cp CP scripts/ProbabilityMapDump.java IMAGE_ROOT SCORES.csv MODEL.onnx OUT [STRIDE]
 * (STRIDE: the tile stride in model-scale pixels instead of the model's own).
 */
public final class ProbabilityMapDump {
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    List<String> lines = Files.readAllLines(Path.of(args[1]));
    Path out = Files.createDirectories(Path.of(args[3]));
    LesionDetector.Builder builder =
        LesionDetector.builder(ModelSource.path(Path.of(args[2])))
            .intraOpThreads(1)
            .aggregation(Aggregation.max())
            .mapSmoothing(0);
    if (args.length > 4) {
      builder.stride(Integer.parseInt(args[4]));
    }
    try (LesionDetector detector = builder.build();
        PrintWriter index = new PrintWriter(Files.newBufferedWriter(out.resolve("index.csv")))) {
      index.println("n,image,width,height,image_probability");
      for (int n = 1; n < lines.size(); n++) {
        String image = lines.get(n).split(",")[0];
        DetectionResult result =
            detector.detect(SyntheticImages.upscaled(ImageFiles.read(root.resolve(image)).image(), 4));
        ProbabilityMap map = result.probabilityMap();
        float[] values = map.values();
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        Files.write(out.resolve(n + ".f32"), bytes.array());
        index.printf(
            Locale.ROOT, "%d,%s,%d,%d,%.6f%n", n, image, map.width(), map.height(),
            result.imageProbability());
      }
    }
  }
}
