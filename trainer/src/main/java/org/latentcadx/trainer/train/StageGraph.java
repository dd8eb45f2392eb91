package org.latentcadx.trainer.train;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.latentcadx.trainer.data.PatchBatch;
import org.latentcadx.trainer.model.Architecture;
import org.latentcadx.trainer.model.FloatArray;
import org.latentcadx.trainer.model.Network;
import org.latentcadx.trainer.model.ParamSpec;
import org.latentcadx.trainer.model.Part;
import org.latentcadx.trainer.model.Weights;
import org.latentcadx.trainer.tf.Tensors;
import org.latentcadx.trainer.tf.TfNetwork;
import org.latentcadx.trainer.tf.TfVariables;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * The TensorFlow graph and session of one training stage: a training forward pass (batch norm in
 * training mode in the trained parts), the stage's loss, SGD (with optional momentum) over the
 * variables of the trained parts only, and an inference forward pass for validation.
 */
final class StageGraph implements AutoCloseable {
  /** Suffix of the momentum slot of a variable in {@link Weights}. */
  static final String MOMENTUM_SLOT = "/momentum";

  private final Graph graph;
  private final Session session;
  private final TfNetwork model;
  private final TfVariables slots;
  private final List<ParamSpec> slotSpecs = new ArrayList<>();
  private final BatchInputs inputs;
  private final Placeholder<TFloat32> learningRate;
  private final LossGraph.Terms trainLoss;
  private final LossGraph.Terms evalLoss;
  private final Operand<TFloat32> probability;
  private final Operand<TFloat32> mask;
  private final List<Op> trainTargets = new ArrayList<>();

  /**
   * Builds the graph of {@code stage}; {@code threads} bounds the session's intra-op threads (0: one
   * per core).
   */
  StageGraph(
      Network network,
      Stage stage,
      Objective objective,
      LossWeights weights,
      double momentum,
      int threads) {
    graph = new Graph();
    Ops tf = Ops.create(graph);
    model = new TfNetwork(tf, network);
    slots = new TfVariables(tf);
    inputs = BatchInputs.create(tf);
    learningRate = tf.placeholder(TFloat32.class);

    List<String> outputs = new ArrayList<>(List.of(Architecture.CLASS_LOGITS));
    outputs.addAll(
        stage.trainsMask()
            ? List.of(Architecture.MASK, Architecture.MASK_LOGITS)
            : List.of(Architecture.RPN_LOGITS));
    TfNetwork.Forward train = model.forward(inputs.images(), stage.trainableParts(), outputs);
    trainLoss = LossGraph.build(tf, train, inputs, stage, objective, weights);
    List<String> evalOutputs = new ArrayList<>(outputs);
    evalOutputs.add(Architecture.PROBABILITY);
    TfNetwork.Forward eval = model.forward(inputs.images(), EnumSet.noneOf(Part.class), evalOutputs);
    evalLoss = LossGraph.build(tf, eval, inputs, stage, objective, weights);
    probability = eval.output(Architecture.PROBABILITY);
    mask = stage.trainsMask() ? eval.output(Architecture.MASK) : null;

    List<Variable<TFloat32>> trained = new ArrayList<>();
    List<ParamSpec> trainedSpecs = new ArrayList<>();
    for (Part part : stage.trainableParts()) {
      for (ParamSpec spec : network.params(part)) {
        if (spec.trainable()) {
          trained.add(model.variables().get(spec.name()));
          trainedSpecs.add(spec);
        }
      }
    }
    Output<?>[] gradients =
        graph.addGradients(
            trainLoss.total().asOutput(),
            trained.stream().map(Variable::asOutput).toArray(Output<?>[]::new));
    // Every update waits for every gradient, so no op reads a variable another op already changed.
    List<Op> allGradients = new ArrayList<>();
    for (Output<?> g : gradients) {
      allGradients.add(tf.identity(cast(g)));
    }
    Ops gated = tf.withControlDependencies(allGradients);
    for (int i = 0; i < trained.size(); i++) {
      Operand<TFloat32> gradient = cast(gradients[i]);
      if (momentum > 0) {
        ParamSpec spec = trainedSpecs.get(i);
        Variable<TFloat32> slot = slots.create(spec.name() + MOMENTUM_SLOT, spec.shape());
        slotSpecs.add(spec);
        trainTargets.add(
            gated.train.applyMomentum(
                trained.get(i), slot, learningRate, gradient, tf.constant((float) momentum)));
      } else {
        trainTargets.add(gated.train.applyGradientDescent(trained.get(i), learningRate, gradient));
      }
    }
    trainTargets.addAll(train.updates());
    session =
        new Session(
            graph,
            ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(threads)
                .setInterOpParallelismThreads(threads == 0 ? 0 : 1)
                .build());
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> cast(Output<?> output) {
    return (Operand<TFloat32>) output;
  }

  /** Loads model variables, and momentum slots where {@code weights} has them (else zeros). */
  void load(Weights weights) {
    model.variables().load(session, weights);
    Weights slotValues = new Weights();
    for (ParamSpec spec : slotSpecs) {
      String name = spec.name() + MOMENTUM_SLOT;
      slotValues.put(
          name,
          weights.contains(name)
              ? weights.get(name)
              : new FloatArray(spec.shape().clone(), new float[spec.size()]));
    }
    slots.load(session, slotValues);
  }

  /** Model variables and momentum slots. */
  Weights read() {
    Weights weights = model.variables().read(session);
    weights.putAll(slots.read(session));
    return weights;
  }

  /** One SGD step on {@code batch}; returns the loss terms before the step. */
  LossValues trainStep(PatchBatch batch, double rate) {
    Session.Runner runner = session.runner();
    try (BatchInputs.Fed fed = inputs.feed(runner, batch);
        TFloat32 lr = TFloat32.scalarOf((float) rate)) {
      runner.feed(learningRate, lr);
      trainTargets.forEach(runner::addTarget);
      try (Result result = fetchTerms(runner, trainLoss).run()) {
        return LossValues.of(result, 0, batch.size());
      }
    }
  }

  /** Loss terms, patch probabilities and (in mask stages) masks, in inference mode. */
  Evaluation evaluate(PatchBatch batch) {
    Session.Runner runner = fetchTerms(session.runner(), evalLoss).fetch(probability);
    if (mask != null) {
      runner.fetch(mask);
    }
    try (BatchInputs.Fed fed = inputs.feed(runner, batch);
        Result result = runner.run()) {
      FloatArray p = Tensors.toArray((TFloat32) result.get(LossValues.TERMS));
      float[] m =
          mask == null ? null : Tensors.toArray((TFloat32) result.get(LossValues.TERMS + 1)).values();
      return new Evaluation(LossValues.of(result, 0, batch.size()), p.values(), m);
    }
  }

  private static Session.Runner fetchTerms(Session.Runner runner, LossGraph.Terms terms) {
    return runner
        .fetch(terms.total())
        .fetch(terms.ce())
        .fetch(terms.rpn())
        .fetch(terms.inb())
        .fetch(terms.oob())
        .fetch(terms.bce());
  }

  /**
   * Losses of a validation batch, its patch probabilities and its masks {@code [B, T, T]} (null in
   * stage R).
   */
  record Evaluation(LossValues losses, float[] probabilities, float[] masks) {}

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
