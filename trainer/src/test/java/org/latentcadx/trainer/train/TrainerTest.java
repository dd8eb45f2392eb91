package org.latentcadx.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.trainer.data.PatchStore;
import org.latentcadx.trainer.model.FloatArray;

class TrainerTest {
  private static PatchStore store;

  @BeforeAll
  static void data(@TempDir Path dir) throws IOException {
    store = TinyData.store(dir, 16, 9);
  }

  @Test
  void interruptedAndResumedRunEndsLikeAnUninterruptedOne(@TempDir Path dir) throws IOException {
    assertResumeMatches(TinyData.config(Objective.LATENT), dir);
  }

  @Test
  void resumedAdamRunWithBalancedBatchesAndTheStudyLossEndsLikeAnUninterruptedOne(@TempDir Path dir)
      throws IOException {
    assertResumeMatches(
        TinyData.config(
            Objective.LATENT,
            LossPreset.DEFAULT.maskLoss(),
            Optimizer.ADAM,
            0.5,
            Map.of(Stage.R, 1, Stage.L1, 1, Stage.L2, 1)),
        dir);
  }

  private static void assertResumeMatches(TrainingConfig config, Path dir) throws IOException {

    Checkpoint whole =
        new Trainer(config, store, dir.resolve("whole"), ProgressListener.NONE, 0)
            .run(false, Integer.MAX_VALUE);
    Path interrupted = dir.resolve("interrupted");
    Checkpoint first =
        new Trainer(config, store, interrupted, ProgressListener.NONE, 0).run(false, 1);
    Checkpoint second = new Trainer(config, store, interrupted, ProgressListener.NONE, 0).run(true, 1);
    Checkpoint resumed =
        new Trainer(config, store, interrupted, ProgressListener.NONE, 0)
            .run(true, Integer.MAX_VALUE);

    assertThat(first.state().stage()).isEqualTo(Stage.L1);
    assertThat(second.state().stage()).isEqualTo(Stage.L2);
    assertThat(whole.state().finished()).isTrue();
    assertThat(resumed.state().finished()).isTrue();
    assertThat(resumed.weights().asMap().keySet()).isEqualTo(whole.weights().asMap().keySet());
    for (var entry : whole.weights().asMap().entrySet()) {
      FloatArray other = resumed.weights().get(entry.getKey());
      assertThat(other.maxAbsDifference(entry.getValue())).as(entry.getKey()).isLessThan(1e-5);
    }
    assertThat(resumed.state().history()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(resumed.state().history().get(i).validation().total())
          .isCloseTo(
              whole.state().history().get(i).validation().total(),
              org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  @Test
  void fineTuningStartsFromTheGivenModelWithAFreshOptimiser(@TempDir Path dir) throws IOException {
    TrainingConfig adam =
        TinyData.config(Objective.LATENT, LossPreset.DEFAULT.maskLoss(), Optimizer.ADAM, 0.5, Map.of(Stage.L2, 2));
    Checkpoint trained =
        new Trainer(adam, store, dir.resolve("trained"), ProgressListener.NONE, 0).run(false, 1);
    assertThat(trained.weights().contains("stem/conv1/kernel" + StageGraph.ADAM_M_SLOT)).isTrue();

    TrainingConfig noEpochs =
        TinyData.config(Objective.LATENT, LossPreset.DEFAULT.maskLoss(), Optimizer.ADAM, 0.5, Map.of(Stage.L2, 0));
    Checkpoint unchanged =
        new Trainer(noEpochs, store, dir.resolve("zero"), ProgressListener.NONE, 0)
            .run(false, Integer.MAX_VALUE, trained.weights());
    Checkpoint tuned =
        new Trainer(adam, store, dir.resolve("tuned"), ProgressListener.NONE, 0)
            .run(false, Integer.MAX_VALUE, trained.weights());
    Checkpoint fresh =
        new Trainer(adam, store, dir.resolve("fresh"), ProgressListener.NONE, 0).run(false, Integer.MAX_VALUE);

    assertThat(unchanged.state().finished()).isTrue();
    assertThat(unchanged.weights().asMap().keySet())
        .noneMatch(StageGraph::isSlot)
        .allMatch(trained.weights()::contains);
    for (var entry : unchanged.weights().asMap().entrySet()) {
      assertThat(entry.getValue().maxAbsDifference(trained.weights().get(entry.getKey())))
          .as(entry.getKey())
          .isZero();
    }
    assertThat(tuned.state().history()).hasSize(2);
    // the same two epochs from the trained model end elsewhere than from a fresh initialisation
    String kernel = "stem/conv1/kernel";
    assertThat(tuned.weights().get(kernel).maxAbsDifference(fresh.weights().get(kernel))).isGreaterThan(1e-3f);
  }

  @Test
  void checkpointMidStageKeepsAdamSlots(@TempDir Path dir) throws IOException {
    TrainingConfig config =
        TinyData.config(Objective.BASELINE, MaskLoss.PAPER, Optimizer.ADAM, 0.5, Map.of(Stage.R, 2));

    Checkpoint saved = new Trainer(config, store, dir, ProgressListener.NONE, 0).run(false, 1);

    assertThat(saved.weights().contains("stem/conv1/kernel" + StageGraph.ADAM_M_SLOT)).isTrue();
    assertThat(saved.weights().contains("stem/conv1/kernel" + StageGraph.ADAM_V_SLOT)).isTrue();
  }

  @Test
  void checkpointMidStageKeepsMomentumSlots(@TempDir Path dir) throws IOException {
    TrainingConfig config =
        TinyData.config(Objective.BASELINE, MaskLoss.PAPER, Optimizer.SGD, 0, Map.of(Stage.R, 2));

    new Trainer(config, store, dir, ProgressListener.NONE, 0).run(false, 1);
    Checkpoint saved = Checkpoint.read(dir);

    assertThat(saved.state().stage()).isEqualTo(Stage.R);
    assertThat(saved.state().epochsDone()).isEqualTo(1);
    assertThat(saved.weights().contains("stem/conv1/kernel" + StageGraph.MOMENTUM_SLOT)).isTrue();
    assertThat(saved.state().history().get(0).validationAuc()).isBetween(0.0, 1.0);
  }
}
