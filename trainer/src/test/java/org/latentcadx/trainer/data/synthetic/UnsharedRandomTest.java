package org.latentcadx.trainer.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class UnsharedRandomTest {

  @Test
  void drawsExactlyWhatJavaUtilRandomDrawsFromTheSameSeed() {
    for (long seed : new long[] {0, 1, -7, 20210801, Long.MAX_VALUE}) {
      Random expected = new Random(seed);
      Random actual = new UnsharedRandom(seed);
      for (int i = 0; i < 20_000; i++) {
        switch (i % 7) { // interleaved, so that the cached second Gaussian and the state must both match
          case 0, 1, 2 -> assertThat(actual.nextGaussian()).isEqualTo(expected.nextGaussian());
          case 3 -> assertThat(actual.nextDouble()).isEqualTo(expected.nextDouble());
          case 4 -> assertThat(actual.nextInt(1 + i)).isEqualTo(expected.nextInt(1 + i));
          case 5 -> assertThat(actual.nextLong()).isEqualTo(expected.nextLong());
          default -> assertThat(actual.nextBoolean()).isEqualTo(expected.nextBoolean());
        }
      }
      expected.nextGaussian();
      actual.nextGaussian(); // a second Gaussian is now cached in both; setSeed must drop it
      expected.setSeed(seed + 1);
      actual.setSeed(seed + 1);
      assertThat(actual.nextGaussian()).isEqualTo(expected.nextGaussian());
      assertThat(actual.nextFloat()).isEqualTo(expected.nextFloat());
    }
  }
}
