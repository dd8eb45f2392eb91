package org.latentcadx.cli.evaluate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.latentcadx.cli.score.ScoreResult;
import org.latentcadx.sdk.LatentCadxException;

/**
 * The free-response ROC (FROC) of the lesion marks: at each mark threshold (every distinct peak
 * probability of a mark, from the lesion threshold up), the share of ground-truth abnormalities hit by
 * a mark (lesion sensitivity, overall and per lesion type) against the marks that hit none per image
 * (false positives per image, over every image: those with lesions and the normals). A mark hits an
 * abnormality when the centre of its box lies inside the abnormality's outline (ROI mask).
 *
 * @param images the images the false-positive rate is counted over
 * @param abnormalities the ground-truth abnormalities, by lesion type ({@code all} for every type)
 * @param points the operating points, from the highest threshold (fewest marks) down
 */
record Froc(int images, Map<String, Integer> abnormalities, List<Point> points) {

  /**
   * One operating point.
   *
   * @param threshold marks with a peak probability at least this count
   * @param falsePositivesPerImage marks hitting no abnormality, per image
   * @param sensitivity by lesion type ({@code all} for every type): abnormalities hit
   */
  record Point(double threshold, double falsePositivesPerImage, Map<String, Double> sensitivity) {}

  /** One mark and the abnormalities (by index) it hits. */
  private record Mark(double peak, List<Integer> hits) {}

  static Froc compute(EvaluationSet set) throws LatentCadxException {
    MaskReader masks = new MaskReader();
    List<Mark> marks = new ArrayList<>();
    List<String> typeOf = new ArrayList<>();
    for (EvaluationSet.Positive positive : set.positives()) {
      List<MaskReader.Mask> outlines = new ArrayList<>();
      List<Integer> indices = new ArrayList<>();
      for (GroundTruthRow row : positive.rows()) {
        outlines.add(masks.read(row.roiMask()));
        indices.add(typeOf.size());
        typeOf.add(row.type().label());
      }
      for (ScoreResult.Lesion lesion : positive.image().result().lesions()) {
        ScoreResult.Box box = lesion.boxPx();
        int cx = (int) Math.floor(box.x() + box.width() / 2);
        int cy = (int) Math.floor(box.y() + box.height() / 2);
        List<Integer> hits = new ArrayList<>();
        for (int k = 0; k < outlines.size(); k++) {
          MaskReader.Mask outline = outlines.get(k);
          if (cx >= 0 && cy >= 0 && cx < outline.width() && cy < outline.height()
              && outline.inside()[cy * outline.width() + cx]) {
            hits.add(indices.get(k));
          }
        }
        marks.add(new Mark(lesion.peakProbability(), hits));
      }
    }
    for (ScoredImage negative : set.negatives()) {
      for (ScoreResult.Lesion lesion : negative.result().lesions()) {
        marks.add(new Mark(lesion.peakProbability(), List.of()));
      }
    }
    int images = set.positives().size() + set.negatives().size();
    Map<String, Integer> totals = new TreeMap<>();
    totals.put(ClassificationGroups.ALL, typeOf.size());
    typeOf.forEach(type -> totals.merge(type, 1, Integer::sum));
    TreeSet<Double> thresholds = new TreeSet<>(java.util.Comparator.reverseOrder());
    marks.forEach(mark -> thresholds.add(mark.peak()));
    List<Point> points = new ArrayList<>();
    for (double threshold : thresholds) {
      boolean[] hit = new boolean[typeOf.size()];
      int falsePositives = 0;
      for (Mark mark : marks) {
        if (mark.peak() >= threshold) {
          if (mark.hits().isEmpty()) {
            falsePositives++;
          }
          mark.hits().forEach(index -> hit[index] = true);
        }
      }
      Map<String, Double> sensitivity = new TreeMap<>();
      for (Map.Entry<String, Integer> total : totals.entrySet()) {
        int found = 0;
        for (int k = 0; k < hit.length; k++) {
          if (hit[k] && (total.getKey().equals(ClassificationGroups.ALL) || typeOf.get(k).equals(total.getKey()))) {
            found++;
          }
        }
        sensitivity.put(total.getKey(), total.getValue() == 0 ? Double.NaN : (double) found / total.getValue());
      }
      points.add(new Point(threshold, (double) falsePositives / Math.max(1, images), sensitivity));
    }
    return new Froc(images, totals, points);
  }

  /** The curve of one group for the chart: from (0, 0) through every operating point. */
  @JsonIgnore
  CurvePlots.Curve curve(String group) {
    double[] x = new double[points.size() + 1];
    double[] y = new double[points.size() + 1];
    for (int i = 0; i < points.size(); i++) {
      x[i + 1] = points.get(i).falsePositivesPerImage();
      y[i + 1] = points.get(i).sensitivity().getOrDefault(group, Double.NaN);
    }
    return new CurvePlots.Curve(group, group + " (" + abnormalities.get(group) + " abnormalities)", x, y);
  }

  /** The highest sensitivity of {@code group} among the operating points with at most {@code fp} false positives per image. */
  double sensitivityAt(String group, double fp) {
    double best = 0;
    for (Point point : points) {
      if (point.falsePositivesPerImage() <= fp) {
        best = Math.max(best, point.sensitivity().getOrDefault(group, 0.0));
      }
    }
    return best;
  }
}
