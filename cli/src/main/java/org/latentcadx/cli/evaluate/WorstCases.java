package org.latentcadx.cli.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The images the model got most wrong: images with a lesion and the lowest probabilities (missed
 * lesions), and normal images with the highest (false alarms).
 */
final class WorstCases {

  /** What kind of mistake a case is. */
  enum Kind {
    MISSED_LESION,
    FALSE_ALARM
  }

  /**
   * One case.
   *
   * @param file the input key of the image
   * @param kind the kind of mistake
   * @param imageProbability the image probability
   * @param lesionTypes the ground-truth lesion types, empty for a normal image
   * @param overlay the overlay PNG copied into the report folder, relative to it
   */
  record Case(
      String file, Kind kind, double imageProbability, List<String> lesionTypes, String overlay) {}

  private WorstCases() {}

  /** Up to {@code perKind} cases of each kind, worst first (ties by file name). */
  static List<Candidate> select(EvaluationSet set, int perKind) {
    List<Candidate> cases = new ArrayList<>();
    set.positives().stream()
        .sorted(
            Comparator.comparingDouble((EvaluationSet.Positive p) -> p.image().result().imageProbability())
                .thenComparing(p -> p.image().result().input().file()))
        .limit(perKind)
        .forEach(
            p ->
                cases.add(
                    new Candidate(
                        p.image(),
                        Kind.MISSED_LESION,
                        p.types().stream().map(LesionType::label).toList())));
    set.negatives().stream()
        .sorted(
            Comparator.comparingDouble((ScoredImage n) -> -n.result().imageProbability())
                .thenComparing(n -> n.result().input().file()))
        .limit(perKind)
        .forEach(n -> cases.add(new Candidate(n, Kind.FALSE_ALARM, List.of())));
    return cases;
  }

  /** A selected image before its overlay is copied. */
  record Candidate(ScoredImage image, Kind kind, List<String> lesionTypes) {}
}
