package org.latentcadx.cli.evaluate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Image-level classification metrics by group: {@code all} (every image with a lesion against the
 * normals) and one group per lesion type (images with a lesion of that type against the normals, as
 * the paper's tables are broken down).
 */
final class ClassificationGroups {

  /** The group of every lesion type. */
  static final String ALL = "all";

  private ClassificationGroups() {}

  /**
   * The metrics of one group, or why there are none.
   *
   * @param metrics the metrics, when both classes are present
   * @param unavailable why the metrics could not be computed (e.g. no normal image)
   * @param warning why the metrics say little (fewer than {@value #FEW} images of a class)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Group(ClassificationReport metrics, String unavailable, String warning) {}

  /** Fewer images than this of either class make a group's intervals unreliable. */
  static final int FEW = 10;

  /** The groups {@code all}, {@code mass}, {@code calcification}, in that order. */
  static Map<String, Group> compute(
      EvaluationSet set, double decisionThreshold, int replicates, long seed) {
    Map<String, Group> groups = new LinkedHashMap<>();
    groups.put(ALL, group(set, null, decisionThreshold, replicates, seed));
    for (LesionType type : LesionType.values()) {
      groups.put(type.label(), group(set, type, decisionThreshold, replicates, seed));
    }
    return groups;
  }

  private static Group group(
      EvaluationSet set, LesionType type, double decisionThreshold, int replicates, long seed) {
    List<Double> scores = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    List<Integer> clusters = new ArrayList<>();
    Map<String, Integer> patients = new java.util.HashMap<>();
    for (EvaluationSet.Positive positive : set.positives()) {
      if (type == null || positive.types().contains(type)) {
        scores.add(positive.image().result().imageProbability());
        labels.add(1);
        String patient = positive.rows().get(0).patientId();
        clusters.add(patient == null || patient.isBlank()
            ? -1 - clusters.size() // no patient named: the image is its own cluster
            : patients.computeIfAbsent(patient, p -> patients.size()));
      }
    }
    for (ScoredImage negative : set.negatives()) {
      scores.add(negative.result().imageProbability());
      labels.add(0);
      clusters.add(-1 - clusters.size()); // normals name no patient
    }
    long positives = labels.stream().filter(label -> label == 1).count();
    if (positives == 0 || positives == labels.size()) {
      return new Group(
          null,
          positives + " image(s) with a lesion and " + (labels.size() - positives)
              + " normal image(s); both are needed",
          null);
    }
    try {
      return new Group(
          ClassificationReport.compute(
              labels.stream().mapToInt(Integer::intValue).toArray(),
              scores.stream().mapToDouble(Double::doubleValue).toArray(),
              clusters.stream().mapToInt(Integer::intValue).toArray(),
              decisionThreshold,
              replicates,
              seed),
          null,
          positives < FEW || labels.size() - positives < FEW
              ? "only " + positives + " image(s) with a lesion and " + (labels.size() - positives)
                  + " normal: with fewer than " + FEW + " of either, estimates and intervals say little"
              : null);
    } catch (IllegalArgumentException e) {
      return new Group(null, e.getMessage(), null);
    }
  }
}
