package org.latentcadx.trainer.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a run stands: the stage in progress ({@code null} when all are done), epochs completed in it,
 * the last validation loss for early stopping, and the history so far.
 */
public record TrainingState(
    Stage stage, int epochsDone, double lastValidationLoss, List<EpochRecord> history) {

  public TrainingState {
    history = List.copyOf(history);
  }

  static TrainingState start() {
    return new TrainingState(Stage.R, 0, Double.NaN, List.of());
  }

  /** Whether all stages are done. */
  public boolean finished() {
    return stage == null;
  }

  /** After {@code record}; {@code stageOver} moves on to the next stage. */
  TrainingState after(EpochRecord record, boolean stageOver) {
    List<EpochRecord> h = new ArrayList<>(history);
    h.add(record);
    return stageOver
        ? new TrainingState(next(stage), 0, Double.NaN, h)
        : new TrainingState(stage, epochsDone + 1, record.validation().total(), h);
  }

  /** Skips the rest of the current stage. */
  TrainingState nextStage() {
    return new TrainingState(next(stage), 0, Double.NaN, history);
  }

  private static Stage next(Stage stage) {
    Stage[] stages = Stage.values();
    return stage.ordinal() + 1 < stages.length ? stages[stage.ordinal() + 1] : null;
  }
}
