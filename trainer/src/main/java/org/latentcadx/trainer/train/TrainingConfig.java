package org.latentcadx.trainer.train;

import java.util.EnumMap;
import java.util.Map;
import org.latentcadx.trainer.data.Augmentation;
import org.latentcadx.trainer.model.Architecture;

/**
 * Everything that determines a training run besides the data.
 *
 * @param epochs maximum epochs per stage (0 skips a stage)
 * @param learningRate initial SGD learning rate of every stage
 * @param halvingEpochs the learning rate halves every this many epochs of a stage
 * @param momentum SGD momentum; 0 is plain SGD
 * @param earlyStopDelta a stage stops when its validation loss changes by less than this
 * @param seed seeds weight initialisation, data order and augmentation
 * @param validationFold the held-out fold used for validation
 */
public record TrainingConfig(
    Architecture architecture,
    Objective objective,
    LossWeights lossWeights,
    Map<Stage, Integer> epochs,
    int batchSize,
    double learningRate,
    int halvingEpochs,
    double momentum,
    double earlyStopDelta,
    long seed,
    int validationFold,
    Augmentation augmentation) {

  public TrainingConfig {
    epochs = Map.copyOf(new EnumMap<>(epochs));
    for (Stage stage : Stage.values()) {
      if (epochs.getOrDefault(stage, 0) < 0) {
        throw new IllegalArgumentException("epochs of stage " + stage + " must be ≥ 0");
      }
    }
    if (batchSize < 1 || halvingEpochs < 1 || !(learningRate > 0) || !(momentum >= 0)) {
      throw new IllegalArgumentException(
          "need batch size ≥ 1, halving epochs ≥ 1, learning rate > 0 and momentum ≥ 0");
    }
  }

  /** The paper's schedule: 50 / 15 / 50 epochs, batch 32, lr 0.001 halved every 10 epochs. */
  public static TrainingConfig paper(Architecture architecture, Objective objective, long seed) {
    return new TrainingConfig(
        architecture,
        objective,
        LossWeights.DEFAULT,
        Map.of(Stage.R, 50, Stage.L1, 15, Stage.L2, 50),
        32,
        0.001,
        10,
        0.9,
        1e-6,
        seed,
        0,
        Augmentation.paper());
  }

  public int epochs(Stage stage) {
    return epochs.getOrDefault(stage, 0);
  }

  /** Learning rate in epoch {@code epoch} (0-based) of a stage. */
  public double learningRate(int epoch) {
    return learningRate * Math.pow(0.5, epoch / halvingEpochs);
  }
}
