package org.latentcadx.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
import org.latentcadx.trainer.model.Architecture;
import org.latentcadx.trainer.model.FloatArray;
import org.latentcadx.trainer.model.Network;
import org.latentcadx.trainer.model.ParamSpec;
import org.latentcadx.trainer.model.Part;
import org.latentcadx.trainer.model.Weights;

class StageGraphTest {
  private static final LossSettings PAPER_LOSS =
      new LossSettings(Objective.LATENT, LossWeights.STATED_PRIORITY, MaskLoss.PAPER);

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
    LossSettings loss = new LossSettings(objective, LossWeights.STATED_PRIORITY, MaskLoss.PAPER);
    try (StageGraph graph = new StageGraph(network, stage, loss, Optimizer.SGD, 0.9, 0)) {
      graph.load(before);
      first = graph.trainStep(batch, 0.02, 1);
      LossValues step = first;
      for (int i = 0; i < 15; i++) {
        step = graph.trainStep(batch, 0.02, 1);
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

  @org.junit.jupiter.api.Test
  void aMaxPooledClassifierTrainsTheEncoderThroughTheMaximum() {
    Architecture tinyMax =
        new Architecture(
            "tiny-max", 64, 4, List.of(1, 1, 1, 1), 4, List.of(8, 4, 4, 4, 4), Architecture.Pooling.MAX,
            Architecture.Input.IMAGE);
    Network network = tinyMax.network();
    Weights before = Weights.initial(network.params(), 1);
    LossValues first;
    LossValues last;
    Weights after;
    try (StageGraph graph = new StageGraph(network, Stage.L2, PAPER_LOSS, Optimizer.SGD, 0.9, 0)) {
      graph.load(before);
      first = graph.trainStep(batch, 0.02, 1);
      last = first;
      for (int i = 0; i < 15; i++) {
        last = graph.trainStep(batch, 0.02, 1);
      }
      after = graph.read();
    }

    assertThat(last.ce()).as("classification term").isLessThan(first.ce());
    String stem = network.params(Part.ENCODER).get(0).name();
    assertThat(after.get(stem).maxAbsDifference(before.get(stem))).isGreaterThan(0);
  }

  @ParameterizedTest
  @CsvSource({"L1", "L2"})
  void maskTermsFollowTheirDefinition(Stage stage) {
    Network network = TinyData.TINY.network();
    try (StageGraph graph =
        new StageGraph(network, stage, PAPER_LOSS, Optimizer.SGD, 0, 0)) {
      graph.load(Weights.initial(network.params(), 2));
      LossValues v = graph.evaluate(batch).losses();
      double[] mask = maskOf(graph);
      double[] expected = ReferenceLoss.inbOob(mask, batch);

      assertThat(v.inb()).isCloseTo(expected[0], org.assertj.core.data.Offset.offset(1e-5));
      assertThat(v.oob()).isCloseTo(expected[1], org.assertj.core.data.Offset.offset(1e-5));
      LossWeights w = stage == Stage.L1 ? new LossWeights(2, 1, 1) : LossWeights.STATED_PRIORITY;
      assertThat(v.total())
          .isCloseTo(
              w.alpha() * v.ce() + w.beta() * v.inb() + w.gamma() * v.oob(),
              org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "PAPER_REGION_MEANS, 1, 0",
    "REGION_MEANS, 1, 0",
    "PIXELS, 1, 0",
    "PIXELS, 0.25, 0",
    "REGION_MEANS, 0.1, 3",
    "PIXELS, 0.25, 10"
  })
  void studyMaskTermsFollowTheirDefinition(MaskLoss.Weighting weighting, double top, double lambda) {
    Network network = TinyData.TINY.network();
    MaskLoss maskLoss = new MaskLoss(weighting, top, lambda, 0.05);
    LossWeights weights = new LossWeights(2, 0.7, 1.3);
    try (StageGraph graph =
        new StageGraph(
            network,
            Stage.L2,
            new LossSettings(Objective.LATENT, weights, maskLoss),
            Optimizer.ADAM,
            0,
            0)) {
      // Seed 3 and a sigmoid of non-zero logits: mask values spread over (0, 1), so MIL selects.
      graph.load(randomOutputLayer(network, 3));
      LossValues v = graph.evaluate(batch).losses();
      double[] expected = ReferenceLoss.terms(maskOf(graph), batch, maskLoss);

      assertThat(v.inb()).isCloseTo(expected[0], org.assertj.core.data.Offset.offset(2e-5));
      assertThat(v.oob()).isCloseTo(expected[1], org.assertj.core.data.Offset.offset(2e-5));
      double pair = lambda > 0 ? expected[2] : 0;
      assertThat(v.pair()).isCloseTo(pair, org.assertj.core.data.Offset.offset(2e-6));
      assertThat(v.total())
          .isCloseTo(
              2 * v.ce() + 0.7 * v.inb() + 1.3 * v.oob() + lambda * v.pair(),
              org.assertj.core.data.Offset.offset(1e-4));
    }
  }

  @org.junit.jupiter.api.Test
  void pixelWeightingLeavesTheOutlineMarginLowerThanRegionMeans() {
    double regionMeans = marginAfterTraining(new MaskLoss(MaskLoss.Weighting.REGION_MEANS, 1, 0, 0.05));
    double pixels = marginAfterTraining(new MaskLoss(MaskLoss.Weighting.PIXELS, 1, 0, 0.05));

    // Region means weigh one in-outline pixel (1 − 9 %)/9 % ≈ 10× one outside pixel on these patches,
    // so the margin is filled; per pixel at β = γ it is not.
    assertThat(pixels).isLessThan(regionMeans - 0.1);
  }

  /**
   * Mean mask on in-outline pixels outside the latent lesion of the lesion patches after 40 Adam steps
   * of stage L2 with β = γ = 1.
   */
  private static double marginAfterTraining(MaskLoss maskLoss) {
    Network network = TinyData.TINY.network();
    LossSettings loss = new LossSettings(Objective.LATENT, new LossWeights(2, 1, 1), maskLoss);
    try (StageGraph graph = new StageGraph(network, Stage.L2, loss, Optimizer.ADAM, 0, 0)) {
      graph.load(Weights.initial(network.params(), 5));
      for (int step = 1; step <= 40; step++) {
        graph.trainStep(batch, 0.01, step);
      }
      double[] mask = maskOf(graph);
      double sum = 0;
      int count = 0;
      for (int p = 0; p < mask.length; p++) {
        if (batch.outlineMasks()[p] > 0.5f && batch.latentMasks()[p] < 0.5f) {
          sum += mask[p];
          count++;
        }
      }
      return sum / count;
    }
  }

  /** Initial weights whose (normally zero) mask output kernel is random, so the mask varies. */
  private static Weights randomOutputLayer(Network network, long seed) {
    Weights weights = Weights.initial(network.params(), seed);
    Random random = new Random(seed);
    for (ParamSpec spec : network.params()) {
      FloatArray value = weights.get(spec.name());
      if (spec.name().startsWith("mask_logits") && spec.shape().length > 1) {
        float[] values = new float[value.values().length];
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) random.nextGaussian();
        }
        weights.put(spec.name(), new FloatArray(value.shape(), values));
      }
    }
    return weights;
  }

  /**
   * The decoder's own (ungated) mask, which the loss terms are computed from: the evaluated mask is
   * gated by the patch probability, so it is divided by it again.
   */
  private static double[] maskOf(StageGraph graph) {
    StageGraph.Evaluation evaluation = graph.evaluate(batch);
    float[] mask = evaluation.masks();
    int plane = batch.tileSize() * batch.tileSize();
    double[] values = new double[mask.length];
    IntStream.range(0, values.length)
        .forEach(i -> values[i] = mask[i] / (double) evaluation.probabilities()[i / plane]);
    return values;
  }

  @org.junit.jupiter.api.Test
  void theEvaluatedMaskIsTheDecodersMaskTimesThePatchProbability() {
    Network network = TinyData.TINY.network();
    try (StageGraph graph = new StageGraph(network, Stage.L2, PAPER_LOSS, Optimizer.ADAM, 0, 0)) {
      graph.load(randomOutputLayer(network, 3));
      StageGraph.Evaluation evaluation = graph.evaluate(batch);
      int plane = batch.tileSize() * batch.tileSize();
      for (int b = 0; b < batch.size(); b++) {
        float p = evaluation.probabilities()[b];
        assertThat(p).isBetween(0f, 1f);
        for (int i = b * plane; i < (b + 1) * plane; i++) {
          assertThat(evaluation.masks()[i]).isBetween(0f, p);
        }
      }
    }
  }
}
