package org.latentcadx.cli.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The images the model got most wrong: images with a lesion and the lowest probabilities, and normal
 * images with the highest. Each says whether the decision threshold got it wrong (a missed lesion, a
 * false alarm) or only ranked it badly.
 */
final class WorstCases {

  /** Which end of the ranking a case comes from. */
  enum Kind {
    /** An image with a lesion, among the lowest scored. */
    LESION_SCORED_LOW,
    /** A normal image, among the highest scored. */
    NORMAL_SCORED_HIGH
  }

  /**
   * One case.
   *
   * @param file the input key of the image
   * @param kind which end of the ranking the image comes from
   * @param imageProbability the image probability
   * @param wrong whether the decision threshold gets the image wrong (a missed lesion or a false alarm)
   * @param lesionTypes the ground-truth lesion types, empty for a normal image
   * @param overlay the overlay PNG copied into the report folder, relative to it
   */
  record Case(
      String file,
      Kind kind,
      double imageProbability,
      boolean wrong,
      List<String> lesionTypes,
      String overlay) {}

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
                        Kind.LESION_SCORED_LOW,
                        p.types().stream().map(LesionType::label).toList())));
    set.negatives().stream()
        .sorted(
            Comparator.comparingDouble((ScoredImage n) -> -n.result().imageProbability())
                .thenComparing(n -> n.result().input().file()))
        .limit(perKind)
        .forEach(n -> cases.add(new Candidate(n, Kind.NORMAL_SCORED_HIGH, List.of())));
    return cases;
  }

  /** A selected image before its overlay is copied. */
  record Candidate(ScoredImage image, Kind kind, List<String> lesionTypes) {}
}
