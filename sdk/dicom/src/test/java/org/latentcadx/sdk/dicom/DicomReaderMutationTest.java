package org.latentcadx.sdk.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.ProbabilityMap;
import org.junit.jupiter.api.Test;

/**
 * Byte-level mutations of every fixture, seeded: each mutant must either decode or fail with a {@link
 * LatentCadxException} whose message is one printable line of at most 300 characters after the input's
 * name and names no Java or PixelMed class; any other exception, an {@link Error} (e.g. OutOfMemoryError) or a read running
 * past {@link #TIMEOUT_SECONDS} fails the test with the seed and mutation to reproduce it. The reader's
 * own decode deadline is 5 s here, so a decoder that loops (JJ2000 does on some corrupt JPEG 2000 packet
 * headers) must be caught by the reader, not by this test.
 *
 * <p>{@code -Dlatentcadx.dicom.mutants=N} sets the number of mutants per fixture (default 120, about
 * 3,500 in all) and {@code -Dlatentcadx.dicom.mutationSeed=S} the seed.
 */
class DicomReaderMutationTest {

  private static final int MUTANTS_PER_FIXTURE = Integer.getInteger("latentcadx.dicom.mutants", 120);
  private static final long SEED = Long.getLong("latentcadx.dicom.mutationSeed", 20240606L);
  private static final long TIMEOUT_SECONDS = 30;
  private static final int[] EXTREME_WORDS = {0xFFFFFFFF, 0x7FFFFFFF, 0x80000000, 0, 0xFFFF, 0x10000};

  private final DicomReader reader;

  DicomReaderMutationTest() throws LatentCadxException {
    reader = DicomReader.create().withDecodeTimeout(Duration.ofSeconds(5));
  }

  @Test
  void everyMutantDecodesOrFailsWithTheSdkException() throws Exception {
    List<String> failures = new ArrayList<>();
    ExecutorService executor = daemonExecutor();
    int mutants = 0;
    int acceptedAndReferenceable = 0;
    int written = 0;
    try {
      for (Path fixture : DicomFixtures.allDicomFiles()) {
        byte[] original = DicomFixtures.bytes(fixture);
        Random random = new Random(SEED ^ fixture.getFileName().toString().hashCode());
        for (int i = 0; i < MUTANTS_PER_FIXTURE; i++) {
          StringBuilder description = new StringBuilder();
          byte[] mutant = mutate(original, random, description);
          String name = fixture.getFileName() + "#" + i + " [" + description + "]";
          Future<DicomImage> decode = executor.submit(() -> reader.read(mutant, name));
          mutants++;
          try {
            DicomImage accepted = decode.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (isReferenceable(accepted) && acceptedAndReferenceable++ % WRITE_EVERY == 0) {
              writtenObjectProblems(mutant, accepted, name).forEach(failures::add);
              written++;
            }
          } catch (ExecutionException e) {
            if (!(e.getCause() instanceof LatentCadxException sdk)) {
              failures.add(name + ": " + e.getCause());
            } else {
              messageProblem(sdk.getMessage(), name).ifPresent(failures::add);
            }
          } catch (TimeoutException e) {
            failures.add(name + ": still decoding after " + TIMEOUT_SECONDS + " s");
            executor.shutdownNow();
            executor = daemonExecutor();
          }
        }
      }
    } finally {
      executor.shutdownNow();
    }
    assertThat(mutants).isGreaterThanOrEqualTo(MUTANTS_PER_FIXTURE);
    assertThat(written).as("accepted mutants whose derived objects were checked").isPositive();
    assertThat(failures).as("mutants (seed %d) that broke the reader", SEED).isEmpty();
  }

  /** Every this many accepted (and referenceable) mutants, the derived objects are written and checked. */
  private static final int WRITE_EVERY = 40;

  private static final AlgorithmIdentity ALGORITHM = new AlgorithmIdentity("LatentCADx test", "0.1.0");

  private static boolean isReferenceable(DicomImage image) {
    try {
      image.source().requireReferenceable();
      return true;
    } catch (LatentCadxException refused) {
      return false;
    }
  }

  /**
   * dciodvfy's errors on the binary SEG and the overlay written for an accepted mutant (as the CLI
   * writes them for every input it accepts), except those the mutant itself has: the writers copy the
   * source's patient and study attributes as they are, so a value the mutation made invalid (a name with
   * bytes outside its character repertoire, an unknown laterality) is the source's error, not theirs.
   */
  private static List<String> writtenObjectProblems(byte[] mutant, DicomImage source, String name)
      throws Exception {
    DicomOracles.assumeTool("dciodvfy");
    int width = source.image().width();
    int height = source.image().height();
    float[] ramp = new float[width * height];
    for (int i = 0; i < ramp.length; i++) {
      ramp[i] = (float) (i % width) / width;
    }
    ProbabilityMap map = new ProbabilityMap(width, height, 1, width, height, ramp);
    List<String> problems = new ArrayList<>();
    Path directory = java.nio.file.Files.createTempDirectory("mutant-objects");
    try {
      Path input = directory.resolve("input.dcm");
      java.nio.file.Files.write(input, mutant);
      Set<String> inherited = new HashSet<>(DicomOracles.dciodvfyErrors(input));
      Path seg = directory.resolve("seg.dcm");
      Path overlay = directory.resolve("overlay.dcm");
      DicomResultWriter.create(ALGORITHM).writeLesionSegmentation(source.source(), map, 0.5, seg);
      DicomResultWriter.create(ALGORITHM).writeHeatmapOverlay(source, map, 0.5, overlay);
      DicomOracles.dciodvfyErrors(seg).stream().filter(e -> !inherited.contains(e))
          .forEach(e -> problems.add(name + " SEG: " + e));
      DicomOracles.dciodvfyErrors(overlay).stream().filter(e -> !inherited.contains(e))
          .forEach(e -> problems.add(name + " overlay: " + e));
    } finally {
      try (var files = java.nio.file.Files.list(directory)) {
        for (Path file : files.toList()) {
          java.nio.file.Files.delete(file);
        }
      }
      java.nio.file.Files.delete(directory);
    }
    return problems;
  }

  /** Longest message the reader may give beyond the name of the input. */
  private static final int MAX_MESSAGE_LENGTH = 300;

  /** A fully qualified Java or PixelMed class name, or an exception's simple name. */
  private static final java.util.regex.Pattern CLASS_NAME =
      java.util.regex.Pattern.compile("\\b(java|javax|com\\.pixelmed|jj2000|sun)\\.[a-z]|[A-Za-z]+Exception\\b");

  /**
   * What is wrong with a refusal's message, if anything: it must start with the input's name, be one
   * printable line of at most {@value #MAX_MESSAGE_LENGTH} characters after that name, and name no Java
   * or PixelMed class.
   */
  private static java.util.Optional<String> messageProblem(String message, String name) {
    if (message == null || !message.startsWith(name + ": ")) {
      return java.util.Optional.of(name + ": message does not start with the input's name: " + message);
    }
    String rest = message.substring(name.length() + 2);
    if (rest.length() > MAX_MESSAGE_LENGTH) {
      return java.util.Optional.of(name + ": message of " + rest.length() + " characters: "
          + rest.substring(0, 120) + "…");
    }
    if (rest.chars().anyMatch(c -> Character.isISOControl(c))) {
      return java.util.Optional.of(name + ": message with control characters: " + rest.replaceAll("\\p{Cntrl}", "?"));
    }
    if (CLASS_NAME.matcher(rest).find()) {
      return java.util.Optional.of(name + ": message names a class: " + rest);
    }
    return java.util.Optional.empty();
  }

  /** One to three mutations; most land in the first kilobyte, where the structure is. */
  private static byte[] mutate(byte[] original, Random random, StringBuilder description) {
    byte[] bytes = original.clone();
    int count = 1 + random.nextInt(3);
    for (int m = 0; m < count && bytes.length > 8; m++) {
      int span = random.nextInt(4) == 0 ? bytes.length : Math.min(bytes.length, 1024);
      int at = random.nextInt(span - 4);
      switch (random.nextInt(5)) {
        case 0 -> {
          bytes[at] ^= (byte) (1 << random.nextInt(8));
          description.append("flip@").append(at).append(' ');
        }
        case 1 -> {
          bytes[at] = (byte) random.nextInt(256);
          description.append("byte@").append(at).append(' ');
        }
        case 2 -> {
          int word = EXTREME_WORDS[random.nextInt(EXTREME_WORDS.length)];
          for (int k = 0; k < 4; k++) {
            bytes[at + k] = (byte) (word >>> (8 * k));
          }
          description.append("word@").append(at).append('=').append(Integer.toHexString(word)).append(' ');
        }
        case 3 -> {
          bytes = Arrays.copyOf(bytes, at + random.nextInt(bytes.length - at));
          description.append("truncate@").append(bytes.length).append(' ');
        }
        default -> {
          int length = 1 + random.nextInt(Math.min(64, bytes.length - at - 1));
          byte[] shorter = new byte[bytes.length - length];
          System.arraycopy(bytes, 0, shorter, 0, at);
          System.arraycopy(bytes, at + length, shorter, at, bytes.length - at - length);
          bytes = shorter;
          description.append("delete@").append(at).append('+').append(length).append(' ');
        }
      }
    }
    return bytes;
  }

  private static ExecutorService daemonExecutor() {
    return Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "dicom-mutant");
      thread.setDaemon(true);
      return thread;
    });
  }
}
