package org.latentcadx.trainer.train;

import java.util.EnumMap;
import java.util.Map;
import org.latentcadx.trainer.data.Augmentation;
import org.latentcadx.trainer.model.Architecture;

/**
 * Everything that determines a training run besides the data.
 *
 * @param maskLoss how LatentCADx's mask terms are formed
 * @param epochs maximum epochs per stage (0 skips a stage)
 * @param lesionFraction share of lesion patches in every training batch (sampled, cycling through
 *     shuffled lesion and normal patches); 0 keeps the data's natural mix (each patch once per epoch)
 * @param batchesPerEpoch updates per epoch with a lesion fraction (0: as many as the natural mix has,
 *     i.e. training patches / batch size), so that runs on stores of different sizes can share a
 *     schedule; must be 0 in the natural mix
 * @param faintLesions how much more often the faintest lesion patches are drawn (with a lesion
 *     fraction only)
 * @param optimizer SGD (with {@code momentum}) or Adam
 * @param learningRate initial learning rate of every stage
 * @param halvingEpochs the learning rate halves every this many epochs of a stage
 * @param warmupSteps the learning rate rises linearly over the first this many steps of a stage (0:
 *     none)
 * @param momentum SGD momentum; 0 is plain SGD (ignored by Adam)
 * @param earlyStopDelta a stage stops when its validation loss changes by less than this
 * @param seed seeds weight initialisation, data order and augmentation
 * @param validationFold the held-out fold used for validation
 */
public record TrainingConfig(
    Architecture architecture,
    Objective objective,
    LossWeights lossWeights,
    MaskLoss maskLoss,
    Map<Stage, Integer> epochs,
    int batchSize,
    double lesionFraction,
    int batchesPerEpoch,
    FaintLesionSampling faintLesions,
    Optimizer optimizer,
    double learningRate,
    int halvingEpochs,
    int warmupSteps,
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
    if (batchSize < 1 || halvingEpochs < 1 || warmupSteps < 0 || !(learningRate > 0)
        || !(momentum >= 0)) {
      throw new IllegalArgumentException(
          "need batch size ≥ 1, halving epochs ≥ 1, warm-up steps ≥ 0, learning rate > 0 and"
              + " momentum ≥ 0");
    }
    if (!(lesionFraction >= 0 && lesionFraction < 1)) {
      throw new IllegalArgumentException(
          "lesion fraction must be in [0, 1) (0: natural mix), got " + lesionFraction);
    }
    if (batchesPerEpoch < 0 || (batchesPerEpoch > 0 && lesionFraction == 0)) {
      throw new IllegalArgumentException(
          "batches per epoch must be ≥ 0, and 0 in the natural mix (lesion fraction 0), got "
              + batchesPerEpoch);
    }
    if (faintLesions.active() && lesionFraction == 0) {
      throw new IllegalArgumentException(
          "faint-lesion sampling needs a lesion fraction; the natural mix draws every patch once");
    }
  }

  /**
   * The paper's schedule as it states it: 50 / 15 / 50 epochs, batch 32 in the data's natural mix, SGD
   * (momentum 0.9) at lr 0.001 halved every 10 epochs, the paper's two mask terms as region means.
   */
  public static TrainingConfig paper(Architecture architecture, Objective objective, long seed) {
    return new TrainingConfig(
        architecture,
        objective,
        LossWeights.STATED_PRIORITY,
        MaskLoss.PAPER,
        Map.of(Stage.R, 50, Stage.L1, 15, Stage.L2, 50),
        32,
        0,
        0,
        FaintLesionSampling.OFF,
        Optimizer.SGD,
        0.001,
        10,
        0,
        0.9,
        1e-6,
        seed,
        0,
        Augmentation.paper());
  }

  public int epochs(Stage stage) {
    return epochs.getOrDefault(stage, 0);
  }

  /** The loss of this run's stages. */
  public LossSettings loss() {
    return new LossSettings(objective, lossWeights, maskLoss);
  }

  /**
   * Learning rate of the {@code step}-th (1-based) update of epoch {@code epoch} (0-based) of a stage
   * with {@code stepsPerEpoch} updates per epoch: halved every {@link #halvingEpochs()} epochs, scaled
   * by the warm-up ramp.
   */
  public double learningRate(int epoch, int step, int stepsPerEpoch) {
    double rate = learningRate * Math.pow(0.5, epoch / halvingEpochs);
    long stageStep = (long) epoch * stepsPerEpoch + step;
    return warmupSteps > 0 && stageStep < warmupSteps ? rate * stageStep / warmupSteps : rate;
  }
}
