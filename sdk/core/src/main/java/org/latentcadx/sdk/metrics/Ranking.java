package org.latentcadx.sdk.metrics;

import java.util.Comparator;
import java.util.stream.IntStream;

/** The one ranking rule of the package: indices by descending score, equal scores in input order. */
final class Ranking {

  private Ranking() {}

  static int[] descending(double[] scores) {
    return IntStream.range(0, scores.length)
        .boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).reversed())
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
