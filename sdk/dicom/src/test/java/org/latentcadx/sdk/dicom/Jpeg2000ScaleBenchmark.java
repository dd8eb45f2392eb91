package org.latentcadx.sdk.dicom;

import com.github.jaiimageio.jpeg2000.J2KImageReadParam;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.latentcadx.sdk.DetectionResult;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.ModelSource;

/**
 * What decoding a JPEG 2000 DICOM image at the model's scale (dropping the finest wavelet levels) would
 * save and change, for docs/PERFORMANCE.md: per file, the full decode's and the reduced decode's time
 * (JJ2000, best of 3), the reduced image against the 4 × 4 area average of the full one, and the image
 * probability and largest map difference when the model scores the reduced image with each pixel repeated
 * 4 × 4 (so that the SDK's area average returns it exactly) instead of the full one. Not a test; run from
 * the repository root:
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl sdk/dicom test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.latentcadx.sdk.dicom.Jpeg2000ScaleBenchmark \
 *   -Dexec.args="$PWD/onnx-models/src/main/resources/org/latentcadx/models/latentcadx-lite.onnx $(ls $PWD/samples/data/*.dcm)"
 * </pre>
 */
public final class Jpeg2000ScaleBenchmark {

  private static final int FACTOR = 4;
  private static final int COD = 0xFF52;

  private Jpeg2000ScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    try (LesionDetector detector = LesionDetector.builder(ModelSource.path(Path.of(args[0]))).build()) {
      System.out.println("| file | full decode s | 1/4-scale decode s | mean abs(reduced - area average) |"
          + " max | image probability full / reduced | max map difference |");
      System.out.println("| --- | ---: | ---: | ---: | ---: | --- | ---: |");
      for (int i = 1; i < args.length; i++) {
        Path file = Path.of(args[i]);
        byte[] codeStream = firstFrame(file);
        double fullSeconds = Double.MAX_VALUE;
        double reducedSeconds = Double.MAX_VALUE;
        Raster full = null;
        Raster reduced = null;
        for (int repeat = 0; repeat < 3; repeat++) {
          long start = System.nanoTime();
          full = decode(codeStream, -1);
          long middle = System.nanoTime();
          reduced = decode(codeStream, decompositionLevels(codeStream) - Integer.numberOfTrailingZeros(FACTOR));
          long end = System.nanoTime();
          fullSeconds = Math.min(fullSeconds, (middle - start) / 1e9);
          reducedSeconds = Math.min(reducedSeconds, (end - middle) / 1e9);
        }
        MammogramImage image = DicomReader.create().read(file).image();
        double[] difference = againstAreaAverage(full, reduced);
        DetectionResult fromFull = detector.detect(image);
        DetectionResult fromReduced = detector.detect(repeated(reduced, image));
        float[] a = fromFull.probabilityMap().values();
        float[] b = fromReduced.probabilityMap().values();
        double mapDifference = 0;
        for (int p = 0; p < a.length; p++) {
          mapDifference = Math.max(mapDifference, Math.abs(a[p] - b[p]));
        }
        System.out.printf("| %s | %.2f | %.2f | %.1f | %.0f | %.3f / %.3f | %.2f |%n", file.getFileName(),
            fullSeconds, reducedSeconds, difference[0], difference[1], fromFull.imageProbability(),
            fromReduced.imageProbability(), mapDifference);
      }
    }
  }

  private static byte[] firstFrame(Path file) throws Exception {
    AttributeList list = new AttributeList();
    list.setDecompressPixelData(false);
    list.read(file.toString());
    return ((OtherByteAttributeMultipleCompressedFrames) list.getPixelData()).getFrames()[0];
  }

  /** The code stream's wavelet decomposition levels, from the main header's COD marker segment. */
  private static int decompositionLevels(byte[] codeStream) {
    for (int p = 2; p + 9 < codeStream.length; ) {
      int marker = ((codeStream[p] & 0xFF) << 8) | (codeStream[p + 1] & 0xFF);
      int length = ((codeStream[p + 2] & 0xFF) << 8) | (codeStream[p + 3] & 0xFF);
      if (marker == COD) {
        return codeStream[p + 9] & 0xFF; // Lcod, Scod, SGcod (4 bytes), then SPcod's level count
      }
      p += 2 + length;
    }
    throw new IllegalArgumentException("no COD marker segment in the main header");
  }

  private static Raster decode(byte[] codeStream, int resolution) throws Exception {
    ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg2000").next();
    try {
      reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(codeStream)));
      J2KImageReadParam param = (J2KImageReadParam) reader.getDefaultReadParam();
      param.setResolution(resolution);
      return reader.read(0, param).getRaster();
    } finally {
      reader.dispose();
    }
  }

  /** Mean and largest absolute difference between {@code reduced} and the area average of {@code full}. */
  private static double[] againstAreaAverage(Raster full, Raster reduced) {
    double sum = 0;
    double largest = 0;
    int width = full.getWidth() / FACTOR;
    int height = full.getHeight() / FACTOR;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double area = 0;
        for (int dy = 0; dy < FACTOR; dy++) {
          for (int dx = 0; dx < FACTOR; dx++) {
            area += full.getSample(x * FACTOR + dx, y * FACTOR + dy, 0);
          }
        }
        double difference = Math.abs(reduced.getSample(x, y, 0) - area / (FACTOR * FACTOR));
        sum += difference;
        largest = Math.max(largest, difference);
      }
    }
    return new double[] {sum / ((double) width * height), largest};
  }

  /** The reduced image at the full image's size, each pixel repeated {@link #FACTOR}². */
  private static MammogramImage repeated(Raster reduced, MammogramImage full) throws Exception {
    int width = full.width();
    short[] pixels = new short[width * full.height()];
    for (int y = 0; y < full.height(); y++) {
      for (int x = 0; x < width; x++) {
        pixels[y * width + x] = (short) reduced.getSample(
            Math.min(x / FACTOR, reduced.getWidth() - 1), Math.min(y / FACTOR, reduced.getHeight() - 1), 0);
      }
    }
    return MammogramImage.ofShorts(width, full.height(), pixels, false, full.metadata());
  }
}
