package org.latentcadx.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentcadx.trainer.data.Augmentation;
import org.latentcadx.trainer.data.PatchBatch;
import org.latentcadx.trainer.data.PatchStore;
import org.latentcadx.trainer.model.Network;
import org.latentcadx.trainer.model.ParamSpec;
import org.latentcadx.trainer.model.Part;
import org.latentcadx.trainer.model.Weights;

class StageGraphTest {
  private static PatchBatch batch;

  @BeforeAll
  static void data(@TempDir Path dir) throws IOException {
    PatchStore store = TinyData.store(dir, 8, 5);
    batch = store.batch(IntStream.range(0, 8).toArray(), Augmentation.none(), new Random(1));
  }

  @ParameterizedTest
  @CsvSource({"R, LATENT", "L1, LATENT", "L2, LATENT", "L2, BASELINE"})
  void stepsOnOneBatchLowerItsLossAndTouchOnlyTheTrainedParts(Stage stage, Objective objective) {
    Network network = TinyData.TINY.network();
    Weights before = Weights.initial(network.params(), 1);
    LossValues first;
    LossValues last;
    Weights after;
    try (StageGraph graph = new StageGraph(network, stage, objective, LossWeights.DEFAULT, 0.9, 0)) {
      graph.load(before);
      first = graph.trainStep(batch, 0.02);
      LossValues step = first;
      for (int i = 0; i < 15; i++) {
        step = graph.trainStep(batch, 0.02);
      }
      last = step;
      after = graph.read();
    }

    assertThat(last.total()).isLessThan(first.total());
    if (stage == Stage.R) {
      assertThat(last.rpn()).as("region-proposal term").isLessThan(first.rpn());
    }
    Set<Part> trained = stage.trainableParts();
    for (Part part : Part.values()) {
      double change = 0;
      for (ParamSpec spec : network.params(part)) {
        change += after.get(spec.name()).maxAbsDifference(before.get(spec.name()));
      }
      if (trained.contains(part)) {
        assertThat(change).as("change of " + part + " in " + stage).isGreaterThan(0);
      } else {
        assertThat(change).as("change of " + part + " in " + stage).isZero();
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"L1", "L2"})
  void maskTermsFollowTheirDefinition(Stage stage) {
    Network network = TinyData.TINY.network();
    try (StageGraph graph =
        new StageGraph(network, stage, Objective.LATENT, LossWeights.DEFAULT, 0, 0)) {
      graph.load(Weights.initial(network.params(), 2));
      LossValues v = graph.evaluate(batch).losses();
      double[] mask = maskOf(graph);
      double[] expected = ReferenceLoss.inbOob(mask, batch);

      assertThat(v.inb()).isCloseTo(expected[0], org.assertj.core.data.Offset.offset(1e-5));
      assertThat(v.oob()).isCloseTo(expected[1], org.assertj.core.data.Offset.offset(1e-5));
      LossWeights w = stage == Stage.L1 ? new LossWeights(2, 1, 1) : LossWeights.DEFAULT;
      assertThat(v.total())
          .isCloseTo(
              w.alpha() * v.ce() + w.beta() * v.inb() + w.gamma() * v.oob(),
              org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  private static double[] maskOf(StageGraph graph) {
    float[] mask = graph.evaluate(batch).masks();
    double[] values = new double[mask.length];
    IntStream.range(0, values.length).forEach(i -> values[i] = mask[i]);
    return values;
  }
}
