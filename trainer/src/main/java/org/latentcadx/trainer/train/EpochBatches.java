package org.latentcadx.trainer.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;
import org.latentcadx.trainer.data.PatchStore;

/**
 * The batches of one training epoch, as store indices. In the natural mix every training patch comes
 * once per epoch in shuffled order; with a lesion fraction f > 0 each batch holds round(f·B) lesion
 * patches and B − round(f·B) normal ones, each kind drawn by cycling through its own shuffled list
 * (re-shuffled when used up), for as many batches as the natural mix has unless a number is given.
 * A lesion patch may enter its list several times ({@link FaintLesionCopies}), and so come more often.
 */
final class EpochBatches {
  private EpochBatches() {}

  /**
   * The batches of an epoch over {@code indices}; {@code isLesion} tells a lesion patch, {@code random}
   * the epoch's generator (its only use here, so that the order derives from the epoch seed alone);
   * {@code batchCount} > 0 sets the number of batches with a lesion fraction (0: the natural mix's);
   * {@code lesionCopies} gives how many times each lesion patch enters the lesion list (with a lesion
   * fraction only).
   */
  static List<int[]> of(
      int[] indices,
      IntPredicate isLesion,
      IntUnaryOperator lesionCopies,
      int batchSize,
      double lesionFraction,
      int batchCount,
      Random random) {
    if (lesionFraction == 0) {
      return PatchStore.shuffledBatches(indices, batchSize, random);
    }
    int[] lesions =
        Arrays.stream(indices)
            .filter(isLesion)
            .flatMap(i -> IntStream.generate(() -> i).limit(lesionCopies.applyAsInt(i)))
            .toArray();
    int[] normals = Arrays.stream(indices).filter(isLesion.negate()).toArray();
    if (lesions.length == 0 || normals.length == 0) {
      throw new IllegalArgumentException(
          "a lesion fraction needs lesion and normal training patches; found " + lesions.length
              + " lesion and " + normals.length + " normal");
    }
    int lesionsPerBatch = (int) Math.round(lesionFraction * batchSize);
    int batches = batchCount > 0 ? batchCount : (indices.length + batchSize - 1) / batchSize;
    Cycle lesionCycle = new Cycle(lesions, random);
    Cycle normalCycle = new Cycle(normals, random);
    List<int[]> result = new ArrayList<>(batches);
    for (int b = 0; b < batches; b++) {
      int[] batch = new int[batchSize];
      for (int i = 0; i < batchSize; i++) {
        batch[i] = i < lesionsPerBatch ? lesionCycle.next() : normalCycle.next();
      }
      result.add(batch);
    }
    return result;
  }

  /** Endless draws from a list, shuffled anew at the start of every pass. */
  private static final class Cycle {
    private final int[] order;
    private final Random random;
    private int position;

    Cycle(int[] values, Random random) {
      this.order = values.clone();
      this.random = random;
      this.position = order.length;
    }

    int next() {
      if (position == order.length) {
        for (int i = order.length - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          int t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
        position = 0;
      }
      return order[position++];
    }
  }
}
