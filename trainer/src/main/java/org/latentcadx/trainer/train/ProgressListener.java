package org.latentcadx.trainer.train;

/** Receives training progress. */
public interface ProgressListener {

  /** After training step {@code step} (1-based) of {@code steps} in an epoch. */
  void step(Stage stage, int epoch, int epochs, int step, int steps, LossValues loss);

  /** After an epoch and its validation. */
  void epoch(EpochRecord record, int epochs);

  /** Ignores everything. */
  ProgressListener NONE =
      new ProgressListener() {
        @Override
        public void step(Stage stage, int epoch, int epochs, int step, int steps, LossValues loss) {}

        @Override
        public void epoch(EpochRecord record, int epochs) {}
      };
}
