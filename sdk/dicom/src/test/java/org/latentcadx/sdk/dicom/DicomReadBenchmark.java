package org.latentcadx.sdk.dicom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.latentcadx.sdk.MammogramImage;

/**
 * Prints how long {@link DicomReader} takes per file, for the files in a directory (made by {@code
 * src/test/fixtures/make_dicom_benchmark_inputs.py}): one warm-up read, then the median of the timed
 * ones. How to run it: {@code sdk/dicom/README.md}, section Speed.
 */
public final class DicomReadBenchmark {

  private DicomReadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[0]);
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    DicomReader reader = DicomReader.create().withDecodeTimeout(Duration.ofMinutes(30));
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(file -> file.toString().endsWith(".dcm")).sorted().toList();
    }
    System.out.printf("%-28s %12s %10s %12s%n", "file", "size (MB)", "pixels", "median (s)");
    for (Path file : files) {
      MammogramImage image = reader.read(file).image();
      double[] seconds = new double[repetitions];
      for (int i = 0; i < repetitions; i++) {
        long start = System.nanoTime();
        reader.read(file);
        seconds[i] = (System.nanoTime() - start) / 1e9;
      }
      java.util.Arrays.sort(seconds);
      System.out.printf("%-28s %12.1f %10s %12.2f%n", file.getFileName(), Files.size(file) / 1e6,
          image.width() + "x" + image.height(), seconds[repetitions / 2]);
    }
  }
}
