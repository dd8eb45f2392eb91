package org.latentcadx.trainer.train;

/**
 * The outcome of one epoch.
 *
 * @param epoch 1-based epoch within the stage
 * @param train mean loss terms over the epoch's training steps (before each step)
 * @param validation loss terms on the validation fold in inference mode
 * @param validationAuc ROC AUC of the patch probability on the validation fold (NaN with one class)
 * @param validationAp average precision likewise
 * @param validationLatentIou mean IoU of the thresholded mask with the latent lesion on validation
 *     lesion patches (NaN in stage R or without latent truth)
 * @param validationIop mean IOP of the thresholded mask with the outline (NaN in stage R)
 */
public record EpochRecord(
    Stage stage,
    int epoch,
    double learningRate,
    LossValues train,
    LossValues validation,
    double validationAuc,
    double validationAp,
    double validationLatentIou,
    double validationIop,
    double seconds) {}
