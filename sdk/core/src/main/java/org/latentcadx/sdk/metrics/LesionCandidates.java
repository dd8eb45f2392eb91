package org.latentcadx.sdk.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.latentcadx.sdk.internal.ConnectedComponents;

/**
 * The per-lesion view of one sample: the connected components of the thresholded prediction
 * (detections, each with a score and its IoU with every reference component it overlaps) and the number
 * of connected components of the reference (ground-truth lesions). 8-connectivity for both.
 */
final class LesionCandidates {

  /** A predicted component: its score and its non-zero IoUs with reference components. */
  record Detection(double score, int[] references, double[] ious) {}

  final List<Detection> detections;
  final int references;

  private LesionCandidates(List<Detection> detections, int references) {
    this.detections = detections;
    this.references = references;
  }

  static LesionCandidates of(
      float[] prediction, float[] reference, int width, int height, SegmentationSettings settings) {
    float threshold = (float) settings.threshold();
    boolean[] predicted = new boolean[prediction.length];
    boolean[] annotated = new boolean[reference.length];
    for (int i = 0; i < prediction.length; i++) {
      predicted[i] = prediction[i] >= threshold;
      annotated[i] = reference[i] == 1f;
    }
    ConnectedComponents p = ConnectedComponents.of(predicted, width, height);
    ConnectedComponents a = ConnectedComponents.of(annotated, width, height);
    double[] maxProbability = new double[p.count];
    double[] sumProbability = new double[p.count];
    List<Map<Integer, Integer>> intersections = new ArrayList<>();
    for (int k = 0; k < p.count; k++) {
      intersections.add(new HashMap<>());
    }
    for (int i = 0; i < prediction.length; i++) {
      int pk = p.labels[i] - 1;
      if (pk < 0) {
        continue;
      }
      maxProbability[pk] = Math.max(maxProbability[pk], prediction[i]);
      sumProbability[pk] += prediction[i];
      if (a.labels[i] > 0) {
        intersections.get(pk).merge(a.labels[i] - 1, 1, Integer::sum);
      }
    }
    List<Detection> detections = new ArrayList<>(p.count);
    for (int k = 0; k < p.count; k++) {
      Map<Integer, Integer> overlaps = intersections.get(k);
      int[] refs = overlaps.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
      double[] ious = new double[refs.length];
      for (int j = 0; j < refs.length; j++) {
        int inter = overlaps.get(refs[j]);
        ious[j] = inter / (double) (p.sizes[k] + a.sizes[refs[j]] - inter);
      }
      double score =
          settings.componentScore() == SegmentationSettings.ComponentScore.MAX
              ? maxProbability[k]
              : sumProbability[k] / p.sizes[k];
      detections.add(new Detection(score, refs, ious));
    }
    return new LesionCandidates(List.copyOf(detections), a.count);
  }

  /**
   * Greedy matching at {@code iouThreshold}: detections by descending score (ties in component order)
   * each take the still unmatched reference component of highest IoU (ties: the first), a true positive
   * when that IoU is at least the threshold. Returns the true-positive flag of each detection.
   */
  boolean[] match(double iouThreshold) {
    double[] scores = detections.stream().mapToDouble(Detection::score).toArray();
    boolean[] matchedReference = new boolean[references];
    boolean[] truePositive = new boolean[detections.size()];
    for (int d : Ranking.descending(scores)) {
      Detection detection = detections.get(d);
      int best = -1;
      for (int j = 0; j < detection.references().length; j++) {
        int ref = detection.references()[j];
        if (!matchedReference[ref]
            && detection.ious()[j] >= iouThreshold
            && (best < 0 || detection.ious()[j] > detection.ious()[best])) {
          best = j;
        }
      }
      if (best >= 0) {
        matchedReference[detection.references()[best]] = true;
        truePositive[d] = true;
      }
    }
    return truePositive;
  }
}
