package org.latentcadx.trainer.train;

import org.latentcadx.trainer.model.Architecture;
import org.latentcadx.trainer.tf.TfNetwork;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The loss terms as TensorFlow ops. With mask prediction M, outline A (1 inside), per sample b:
 *
 * <ul>
 *   <li>{@code inb_b = Σ A·(1−M)² / max(ΣA, 1)} — 0 when the outline is empty;
 *   <li>{@code oob_b = Σ (1−A)·M² / max(Σ(1−A), 1)} — the whole patch for negatives;
 *   <li>{@code ce_b} — cross-entropy of the 2-class softmax;
 *   <li>{@code rpn_b} — cross-entropy of the 2-class softmax of each region cell, mean over cells;
 *   <li>{@code bce_b} — per-pixel binary cross-entropy of M against A, mean over pixels (baseline).
 * </ul>
 *
 * Each reported term is the mean of its per-sample values over the batch, so every sample weighs the
 * same whatever the size of its outline.
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
      Operand<TFloat32> bce) {}

  static Terms build(
      Ops tf,
      TfNetwork.Forward forward,
      BatchInputs inputs,
      Stage stage,
      Objective objective,
      LossWeights weights) {
    Operand<TFloat32> ce =
        softmaxCrossEntropy(tf, forward.output(Architecture.CLASS_LOGITS), inputs.classTargets());
    Operand<TFloat32> total = tf.math.mul(tf.constant((float) weights.alpha()), ce);
    if (!stage.trainsMask()) {
      Operand<TFloat32> rpn =
          softmaxCrossEntropy(
              tf, forward.output(Architecture.RPN_LOGITS), inputs.regionTargets());
      return new Terms(tf.math.add(total, rpn), ce, rpn, zero(tf), zero(tf), zero(tf));
    }
    Operand<TFloat32> mask = forward.output(Architecture.MASK);
    Operand<TFloat32> outline = inputs.outlines();
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> outside = tf.math.sub(one, outline);
    Operand<TFloat32> inb =
        regionMean(tf, tf.math.mul(outline, tf.math.square(tf.math.sub(one, mask))), outline);
    Operand<TFloat32> oob = regionMean(tf, tf.math.mul(outside, tf.math.square(mask)), outside);
    if (objective == Objective.BASELINE) {
      Operand<TFloat32> bce =
          sigmoidCrossEntropy(tf, forward.output(Architecture.MASK_LOGITS), outline);
      return new Terms(tf.math.add(total, bce), ce, zero(tf), inb, oob, bce);
    }
    LossWeights w = stage == Stage.L1 ? weights.withUnitRegionWeights() : weights;
    total =
        tf.math.add(
            total,
            tf.math.add(
                tf.math.mul(tf.constant((float) w.beta()), inb),
                tf.math.mul(tf.constant((float) w.gamma()), oob)));
    return new Terms(total, ce, zero(tf), inb, oob, zero(tf));
  }

  /** A distinct zero constant per unused term (a session cannot fetch one output twice). */
  private static Operand<TFloat32> zero(Ops tf) {
    return tf.constant(0f);
  }

  /** Batch mean of Σ values / max(Σ region, 1), sums over each sample's pixels. */
  private static Operand<TFloat32> regionMean(
      Ops tf, Operand<TFloat32> values, Operand<TFloat32> region) {
    Operand<org.tensorflow.types.TInt32> pixels = tf.constant(new int[] {1, 2, 3});
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
