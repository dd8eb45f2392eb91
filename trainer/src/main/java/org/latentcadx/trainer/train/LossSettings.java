package org.latentcadx.trainer.train;

/**
 * What a stage's loss is made of.
 *
 * @param objective LatentCADx's weakly-supervised terms or the outline-supervised baseline
 * @param weights α, β, γ
 * @param maskLoss how LatentCADx's mask terms are formed (ignored by the baseline)
 */
public record LossSettings(Objective objective, LossWeights weights, MaskLoss maskLoss) {}
