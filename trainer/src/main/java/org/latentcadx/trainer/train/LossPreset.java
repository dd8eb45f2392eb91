package org.latentcadx.trainer.train;

import java.util.Locale;

/**
 * Named loss configurations: {@code default}, the configuration chosen by the study in
 * onnx-models/STUDY.md, and {@code paper-literal}, the paper's terms and weights as it lists them.
 */
public record LossPreset(LossWeights weights, MaskLoss maskLoss) {

  /**
   * α = 2, β = γ = 1 as region means with the in-outline term over lesion patches only, the top quarter
   * of each outline pushed up, grey-level pairwise consistency λ = 10 (σ = 0.05): the study's winner
   * on the validation fold.
   */
  public static final LossPreset DEFAULT =
      new LossPreset(
          new LossWeights(2, 1, 1), new MaskLoss(MaskLoss.Weighting.REGION_MEANS, 0.25, 10, 0.05));

  /** α = 2, β = 1, γ = 0.5 as region means over all patches, every in-outline pixel pushed up. */
  public static final LossPreset PAPER_LITERAL =
      new LossPreset(LossWeights.PAPER_LITERAL, MaskLoss.PAPER);

  /** {@code default} or {@code paper-literal}. */
  public static LossPreset of(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "default" -> DEFAULT;
      case "paper-literal" -> PAPER_LITERAL;
      default ->
          throw new IllegalArgumentException(
              "unknown loss preset '" + name + "', expected default or paper-literal");
    };
  }
}
