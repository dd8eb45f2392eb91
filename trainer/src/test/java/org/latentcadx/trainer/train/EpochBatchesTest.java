package org.latentcadx.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EpochBatchesTest {
  /** Patches 0–9 are lesions, 10–99 normals: the natural mix has 10 % lesions. */
  private static final int[] INDICES = IntStream.range(0, 100).toArray();

  private static boolean lesion(int index) {
    return index < 10;
  }

  /** The batches of {@link #INDICES}, every lesion patch once per pass. */
  private static List<int[]> batches(int batchSize, double lesionFraction, int batchCount, long seed) {
    return EpochBatches.of(
        INDICES, EpochBatchesTest::lesion, i -> 1, batchSize, lesionFraction, batchCount, new Random(seed));
  }

  @Test
  void balancedBatchesHoldTheConfiguredFractionAndCycleThroughEveryLesion() {
    List<int[]> batches = batches(16, 0.5, 0, 4);

    assertThat(batches).hasSize(7);
    Set<Integer> lesionsSeen = new HashSet<>();
    for (int[] batch : batches) {
      assertThat(batch).hasSize(16);
      long lesions = Arrays.stream(batch).filter(EpochBatchesTest::lesion).count();
      assertThat(lesions).isEqualTo(8);
      Arrays.stream(batch).filter(EpochBatchesTest::lesion).forEach(lesionsSeen::add);
    }
    assertThat(lesionsSeen).hasSize(10);
  }

  @Test
  void aGivenBatchCountKeepsTheFractionOnAStoreOfAnySize() {
    List<int[]> batches = batches(16, 0.5, 3, 4);

    assertThat(batches).hasSize(3);
    for (int[] batch : batches) {
      assertThat(Arrays.stream(batch).filter(EpochBatchesTest::lesion).count()).isEqualTo(8);
    }
  }

  @Test
  void quarterFractionRoundsToWholePatches() {
    for (int[] batch : batches(6, 0.25, 0, 1)) {
      assertThat(Arrays.stream(batch).filter(EpochBatchesTest::lesion).count()).isEqualTo(2);
    }
  }

  @Test
  void aLesionWithThreeCopiesComesThreeTimesAsOften() {
    // Lesions 0 and 1 enter the lesion list three times: 14 entries, so 56 lesion draws are 4 passes.
    List<int[]> batches =
        EpochBatches.of(INDICES, EpochBatchesTest::lesion, i -> i < 2 ? 3 : 1, 16, 0.5, 7, new Random(4));

    int[] draws = new int[10];
    batches.stream().flatMapToInt(Arrays::stream).filter(EpochBatchesTest::lesion).forEach(i -> draws[i]++);
    assertThat(draws).containsExactly(12, 12, 4, 4, 4, 4, 4, 4, 4, 4);
  }

  @Test
  void naturalMixVisitsEveryPatchOnce() {
    List<int[]> batches = batches(16, 0, 0, 4);

    assertThat(batches.stream().flatMapToInt(Arrays::stream).sorted().toArray()).isEqualTo(INDICES);
  }

  @Test
  void sameSeedSameBatches() {
    List<int[]> a = batches(16, 0.5, 0, 9);
    List<int[]> b = batches(16, 0.5, 0, 9);

    assertThat(a.toArray(int[][]::new)).isDeepEqualTo(b.toArray(int[][]::new));
  }

  @Test
  void aFractionWithoutLesionPatchesIsRefused() {
    assertThatThrownBy(
            () ->
                EpochBatches.of(
                    new int[] {50, 60}, EpochBatchesTest::lesion, i -> 1, 2, 0.5, 0, new Random(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 lesion");
  }
}
