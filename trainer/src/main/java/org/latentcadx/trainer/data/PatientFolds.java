package org.latentcadx.trainer.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Assigns patients to cross-validation folds: patients are sorted, shuffled with the seed and dealt
 * round-robin, so each fold gets the same number of patients (±1), every patient exactly one fold, and
 * the same patients and seed always give the same assignment.
 */
public final class PatientFolds {

  private PatientFolds() {}

  /** Fold of each patient, in {@code [0, folds)}. */
  public static Map<String, Integer> assign(Collection<String> patients, int folds, long seed) {
    if (folds < 1) {
      throw new IllegalArgumentException("folds must be ≥ 1, got " + folds);
    }
    List<String> order = new ArrayList<>(new TreeSet<>(patients));
    Collections.shuffle(order, new Random(seed));
    Map<String, Integer> fold = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      fold.put(order.get(i), i % folds);
    }
    return fold;
  }
}
