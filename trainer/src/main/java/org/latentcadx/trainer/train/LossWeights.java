package org.latentcadx.trainer.train;

/**
 * Weights of total = α·CE + β·L_inb + γ·L_oob.
 *
 * @param alpha classification cross-entropy
 * @param beta in-outline term, mean of (1 − M)² inside the outline
 * @param gamma out-of-outline term, mean of M² outside the outline
 */
public record LossWeights(double alpha, double beta, double gamma) {

  /** α = 2, β = 0.5, γ = 1: keeps the paper's stated priority β &lt; γ &lt; α between whole terms. */
  public static final LossWeights STATED_PRIORITY = new LossWeights(2, 0.5, 1);

  /** α = 2, β = 1, γ = 0.5: the values the paper lists (which break its stated priority). */
  public static final LossWeights PAPER_LITERAL = new LossWeights(2, 1, 0.5);

  public LossWeights {
    if (!(alpha >= 0 && beta >= 0 && gamma >= 0)) {
      throw new IllegalArgumentException(
          "loss weights must be ≥ 0, got α=" + alpha + " β=" + beta + " γ=" + gamma);
    }
  }

  /** The same α with β = γ = 1 (stage L1). */
  public LossWeights withUnitRegionWeights() {
    return new LossWeights(alpha, 1, 1);
  }
}
