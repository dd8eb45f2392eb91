package org.latentcadx.trainer.train;

/**
 * The outcome of one epoch.
 *
 * @param epoch 1-based epoch within the stage
 * @param train mean loss terms over the epoch's training steps (before each step)
 * @param validation loss terms on the validation fold in inference mode
 * @param validationAuc ROC AUC of the patch probability on the validation fold (NaN with one class)
 * @param validationAp average precision likewise
 */
public record EpochRecord(
    Stage stage,
    int epoch,
    double learningRate,
    LossValues train,
    LossValues validation,
    double validationAuc,
    double validationAp,
    double seconds) {}
