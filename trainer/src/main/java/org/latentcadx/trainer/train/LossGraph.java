package org.latentcadx.trainer.train;

import org.latentcadx.trainer.model.Architecture;
import org.latentcadx.trainer.tf.TfNetwork;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.TopK;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The loss terms as TensorFlow ops. With mask prediction M, outline A (1 inside), image I, per sample
 * b:
 *
 * <ul>
 *   <li>{@code inb} — (1−M)² over the in-outline pixels S that are pushed up (all of A, or with a
 *       {@linkplain MaskLoss#topFraction() top fraction} f < 1 the ⌈f·|A|⌉ in-outline pixels of
 *       highest M, chosen on a gradient-stopped copy);
 *   <li>{@code oob} — M² over the pixels outside A (the whole patch for negatives);
 *   <li>{@code ce} — cross-entropy of the 2-class softmax;
 *   <li>{@code rpn} — cross-entropy of the 2-class softmax of each region cell, mean over cells;
 *   <li>{@code bce} — per-pixel binary cross-entropy of M against A, mean over pixels (baseline);
 *   <li>{@code pair} — mean over pixel pairs (i, j) 1 and 2 pixels apart ({@link
 *       MaskLoss#PAIR_DILATIONS}) horizontally or vertically of w·(M_i − M_j)², w = exp(−(I_i − I_j)² /
 *       2σ²); each distance and direction weighs equally.
 * </ul>
 *
 * How inb and oob are normalised is the {@link MaskLoss.Weighting}: per-patch region means averaged
 * over all patches (the paper's literal reading) or over lesion patches only (inb), or sums over the
 * batch's pixels divided by the same pixel count, so that β/γ is a per-pixel ratio.
 */
final class LossGraph {
  private LossGraph() {}

  /** Scalar loss terms; a term a stage does not compute is 0. */
  record Terms(
      Operand<TFloat32> total,
      Operand<TFloat32> ce,
      Operand<TFloat32> rpn,
      Operand<TFloat32> inb,
      Operand<TFloat32> oob,
      Operand<TFloat32> bce,
      Operand<TFloat32> pair) {}

  static Terms build(
      Ops tf,
      TfNetwork.Forward forward,
      BatchInputs inputs,
      Stage stage,
      Objective objective,
      LossWeights weights,
      MaskLoss maskLoss,
      int tile) {
    Operand<TFloat32> ce =
        softmaxCrossEntropy(tf, forward.output(Architecture.CLASS_LOGITS), inputs.classTargets());
    Operand<TFloat32> total = tf.math.mul(tf.constant((float) weights.alpha()), ce);
    if (!stage.trainsMask()) {
      Operand<TFloat32> rpn =
          softmaxCrossEntropy(
              tf, forward.output(Architecture.RPN_LOGITS), inputs.regionTargets());
      return new Terms(tf.math.add(total, rpn), ce, rpn, zero(tf), zero(tf), zero(tf), zero(tf));
    }
    Operand<TFloat32> mask = forward.output(Architecture.UNGATED_MASK);
    Operand<TFloat32> outline = inputs.outlines();
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> outside = tf.math.sub(one, outline);
    if (objective == Objective.BASELINE) {
      Operand<TFloat32> inb =
          regionMean(tf, tf.math.mul(outline, tf.math.square(tf.math.sub(one, mask))), outline);
      Operand<TFloat32> oob = regionMean(tf, tf.math.mul(outside, tf.math.square(mask)), outside);
      Operand<TFloat32> bce =
          sigmoidCrossEntropy(tf, forward.output(Architecture.MASK_LOGITS), outline);
      return new Terms(tf.math.add(total, bce), ce, zero(tf), inb, oob, bce, zero(tf));
    }
    Operand<TFloat32> pushedUp =
        maskLoss.multipleInstance() ? topOfOutline(tf, mask, outline, maskLoss.topFraction(), tile) : outline;
    Operand<TFloat32> inbValues = tf.math.mul(pushedUp, tf.math.square(tf.math.sub(one, mask)));
    Operand<TFloat32> oobValues = tf.math.mul(outside, tf.math.square(mask));
    Operand<TFloat32> inb;
    Operand<TFloat32> oob;
    switch (maskLoss.weighting()) {
      case PAPER_REGION_MEANS -> {
        inb = regionMean(tf, inbValues, pushedUp);
        oob = regionMean(tf, oobValues, outside);
      }
      case REGION_MEANS -> {
        inb = lesionPatchMean(tf, inbValues, pushedUp, outline);
        oob = regionMean(tf, oobValues, outside);
      }
      case PIXELS -> {
        inb = mean(tf, inbValues);
        oob = mean(tf, oobValues);
      }
      default -> throw new IllegalStateException("unknown weighting " + maskLoss.weighting());
    }
    Operand<TFloat32> pair =
        maskLoss.pairwiseWeight() > 0
            ? pairwiseConsistency(tf, mask, inputs.images(), maskLoss.pairwiseSigma(), tile)
            : zero(tf);
    LossWeights w = stage == Stage.L1 ? weights.withUnitRegionWeights() : weights;
    total =
        tf.math.add(
            total,
            tf.math.add(
                tf.math.add(
                    tf.math.mul(tf.constant((float) w.beta()), inb),
                    tf.math.mul(tf.constant((float) w.gamma()), oob)),
                tf.math.mul(tf.constant((float) maskLoss.pairwiseWeight()), pair)));
    return new Terms(total, ce, zero(tf), inb, oob, zero(tf), pair);
  }

  /**
   * 1 on the ⌈f·|A_b|⌉ in-outline pixels of each sample with the highest mask value, else 0; chosen on
   * a gradient-stopped copy of the mask (a threshold read from its sorted in-outline values), so the
   * selection itself carries no gradient.
   */
  private static Operand<TFloat32> topOfOutline(
      Ops tf, Operand<TFloat32> mask, Operand<TFloat32> outline, double fraction, int tile) {
    int pixels = tile * tile;
    Operand<TFloat32> frozen = tf.stopGradient(mask);
    // In-outline pixels keep their exact mask value (in [0, 1]); outside pixels sort last at −2.
    Operand<TFloat32> ranked =
        tf.reshape(
            tf.math.add(
                tf.math.mul(outline, frozen),
                tf.math.mul(tf.math.sub(outline, tf.constant(1f)), tf.constant(2f))),
            tf.constant(new int[] {-1, pixels}));
    Operand<TFloat32> sorted = tf.nn.topK(ranked, tf.constant(pixels), new TopK.Options[0]).values();
    Operand<TFloat32> count = tf.sum(outline, tf.constant(new int[] {1, 2, 3}));
    Operand<TInt32> rank =
        tf.dtypes.cast(
            tf.math.maximum(
                tf.math.sub(
                    tf.math.ceil(tf.math.mul(count, tf.constant((float) fraction))),
                    tf.constant(1f)),
                tf.constant(0f)),
            TInt32.class);
    Operand<TFloat32> pick =
        tf.oneHot(rank, tf.constant(pixels), tf.constant(1f), tf.constant(0f));
    Operand<TFloat32> threshold = tf.sum(tf.math.mul(sorted, pick), tf.constant(1));
    Operand<TFloat32> atLeast =
        tf.dtypes.cast(
            tf.math.greaterEqual(frozen, tf.reshape(threshold, tf.constant(new int[] {-1, 1, 1, 1}))),
            TFloat32.class);
    return tf.stopGradient(tf.math.mul(outline, atLeast));
  }

  /**
   * Mean, over the distances of {@link MaskLoss#PAIR_DILATIONS} and the two directions, of the mean over
   * pixel pairs of exp(−ΔI² / 2σ²)·ΔM².
   */
  private static Operand<TFloat32> pairwiseConsistency(
      Ops tf, Operand<TFloat32> mask, Operand<TFloat32> images, double sigma, int tile) {
    Operand<TFloat32> sum = null;
    int terms = 0;
    for (int d : MaskLoss.PAIR_DILATIONS) {
      for (int axis = 1; axis <= 2; axis++) {
        Operand<TFloat32> dm = shiftedDifference(tf, mask, axis, tile, d);
        Operand<TFloat32> di = shiftedDifference(tf, images, axis, tile, d);
        Operand<TFloat32> similarity =
            tf.math.exp(tf.math.mul(tf.math.square(di), tf.constant((float) (-0.5 / (sigma * sigma)))));
        Operand<TFloat32> term = mean(tf, tf.math.mul(similarity, tf.math.square(dm)));
        sum = sum == null ? term : tf.math.add(sum, term);
        terms++;
      }
    }
    return tf.math.mul(sum, tf.constant(1f / terms));
  }

  /** x[i + d] − x[i] along {@code axis} of an NHWC tensor of edge {@code tile}. */
  private static Operand<TFloat32> shiftedDifference(Ops tf, Operand<TFloat32> x, int axis, int tile, int d) {
    int[] begin = new int[4];
    begin[axis] = d;
    int[] size = {-1, -1, -1, -1};
    size[axis] = tile - d;
    Operand<TFloat32> ahead = tf.slice(x, tf.constant(begin), tf.constant(size));
    Operand<TFloat32> behind = tf.slice(x, tf.constant(new int[4]), tf.constant(size));
    return tf.math.sub(ahead, behind);
  }

  /**
   * Σ values / max(Σ region, 1) per sample, averaged over the samples whose outline is not empty (0
   * when none is).
   */
  private static Operand<TFloat32> lesionPatchMean(
      Ops tf, Operand<TFloat32> values, Operand<TFloat32> region, Operand<TFloat32> outline) {
    Operand<TInt32> pixels = tf.constant(new int[] {1, 2, 3});
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> perSample =
        tf.math.div(tf.sum(values, pixels), tf.math.maximum(tf.sum(region, pixels), one));
    Operand<TFloat32> lesion =
        tf.dtypes.cast(tf.math.greater(tf.sum(outline, pixels), tf.constant(0f)), TFloat32.class);
    return tf.math.div(
        tf.sum(tf.math.mul(perSample, lesion), tf.constant(0)),
        tf.math.maximum(tf.sum(lesion, tf.constant(0)), one));
  }

  /** A distinct zero constant per unused term (a session cannot fetch one output twice). */
  private static Operand<TFloat32> zero(Ops tf) {
    return tf.constant(0f);
  }

  /** Batch mean of Σ values / max(Σ region, 1), sums over each sample's pixels. */
  private static Operand<TFloat32> regionMean(
      Ops tf, Operand<TFloat32> values, Operand<TFloat32> region) {
    Operand<TInt32> pixels = tf.constant(new int[] {1, 2, 3});
    Operand<TFloat32> count = tf.math.maximum(tf.sum(region, pixels), tf.constant(1f));
    return tf.math.mean(tf.math.div(tf.sum(values, pixels), count), tf.constant(0));
  }

  /**
   * Mean over all leading axes of −Σ_c target_c · log softmax(logits)_c, for 2 classes on the last
   * axis. Logits and targets are flattened to {@code [items, 2]} first: TensorFlow's C++ gradient of
   * LogSoftmax sums over axis 1, which is the class axis only for 2-D logits.
   */
  private static Operand<TFloat32> softmaxCrossEntropy(
      Ops tf, Operand<TFloat32> logits, Operand<TFloat32> oneHot) {
    Operand<org.tensorflow.types.TInt32> items = tf.constant(new int[] {-1, 2});
    Operand<TFloat32> logProbabilities = tf.nn.logSoftmax(tf.reshape(logits, items));
    Operand<TFloat32> perItem =
        tf.math.neg(
            tf.sum(tf.math.mul(tf.reshape(oneHot, items), logProbabilities), tf.constant(1)));
    return mean(tf, perItem);
  }

  /** Mean of max(z, 0) − z·a + log(1 + e^−|z|), the stable binary cross-entropy of sigmoid(z). */
  private static Operand<TFloat32> sigmoidCrossEntropy(
      Ops tf, Operand<TFloat32> logits, Operand<TFloat32> targets) {
    Operand<TFloat32> perPixel =
        tf.math.add(
            tf.math.sub(tf.nn.relu(logits), tf.math.mul(logits, targets)),
            tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(logits)))));
    return mean(tf, perPixel);
  }

  private static Operand<TFloat32> mean(Ops tf, Operand<TFloat32> values) {
    return tf.math.mean(values, tf.range(tf.constant(0), tf.rank(values), tf.constant(1)));
  }
}
