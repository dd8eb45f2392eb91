package org.latentcadx.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PatientFoldsTest {

  private static final List<String> PATIENTS =
      IntStream.range(0, 23).mapToObj(i -> String.format("P_%05d", i)).toList();

  @Test
  void dealsPatientsEvenlyAndReproducibly() {
    Map<String, Integer> folds = PatientFolds.assign(PATIENTS, 5, 3);

    assertThat(folds).hasSize(23);
    for (int f = 0; f < 5; f++) {
      int fold = f;
      assertThat(folds.values().stream().filter(v -> v == fold).count()).isBetween(4L, 5L);
    }
    assertThat(PatientFolds.assign(com.google.common.collect.Lists.reverse(PATIENTS), 5, 3)).isEqualTo(folds);
    assertThat(PatientFolds.assign(PATIENTS, 5, 4)).isNotEqualTo(folds);
  }
}
