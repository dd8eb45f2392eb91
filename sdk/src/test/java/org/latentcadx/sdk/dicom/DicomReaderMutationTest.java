package org.latentcadx.sdk.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.latentcadx.sdk.LatentCadxException;
import org.junit.jupiter.api.Test;

/**
 * Byte-level mutations of every fixture, seeded: each mutant must either decode or fail with a {@link
 * LatentCadxException}; any other exception, an {@link Error} (e.g. OutOfMemoryError) or a read running
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
    try {
      for (Path fixture : DicomFixtures.allDicomFiles()) {
        byte[] original = DicomFixtures.bytes(fixture);
        Random random = new Random(SEED ^ fixture.getFileName().toString().hashCode());
        for (int i = 0; i < MUTANTS_PER_FIXTURE; i++) {
          StringBuilder description = new StringBuilder();
          byte[] mutant = mutate(original, random, description);
          String name = fixture.getFileName() + "#" + i + " [" + description + "]";
          Future<?> decode = executor.submit(() -> reader.read(mutant, name));
          mutants++;
          try {
            decode.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
          } catch (ExecutionException e) {
            if (!(e.getCause() instanceof LatentCadxException)) {
              failures.add(name + ": " + e.getCause());
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
    assertThat(failures).as("mutants (seed %d) that broke the reader", SEED).isEmpty();
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
