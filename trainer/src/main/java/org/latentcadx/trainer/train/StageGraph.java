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
 * training mode in the trained parts), the stage's loss, SGD (with optional momentum) or Adam over the
 * variables of the trained parts only, and an inference forward pass for validation.
 */
final class StageGraph implements AutoCloseable {
  /** Suffix of the momentum slot of a variable in {@link Weights}. */
  static final String MOMENTUM_SLOT = "/momentum";

  /** Suffixes of Adam's first- and second-moment slots of a variable in {@link Weights}. */
  static final String ADAM_M_SLOT = "/adam_m";

  static final String ADAM_V_SLOT = "/adam_v";

  private static final float ADAM_BETA1 = 0.9f;
  private static final float ADAM_BETA2 = 0.999f;
  private static final float ADAM_EPSILON = 1e-7f;

  private final Graph graph;
  private final Session session;
  private final TfNetwork model;
  private final TfVariables slots;
  private final List<String> slotNames = new ArrayList<>();
  private final List<ParamSpec> slotSpecs = new ArrayList<>();
  private final BatchInputs inputs;
  private final Placeholder<TFloat32> learningRate;
  private final Placeholder<TFloat32> beta1Power;
  private final Placeholder<TFloat32> beta2Power;
  private final Optimizer optimizer;
  private final LossGraph.Terms trainLoss;
  private final LossGraph.Terms evalLoss;
  private final Operand<TFloat32> probability;
  private final Operand<TFloat32> mask;
  private final List<Op> trainTargets = new ArrayList<>();

  /**
   * Builds the graph of {@code stage}; {@code momentum} applies to SGD; {@code threads} bounds the
   * session's intra-op threads (0: one per core).
   */
  StageGraph(
      Network network,
      Stage stage,
      LossSettings loss,
      Optimizer optimizer,
      double momentum,
      int threads) {
    graph = new Graph();
    Ops tf = Ops.create(graph);
    model = new TfNetwork(tf, network);
    slots = new TfVariables(tf);
    inputs = BatchInputs.create(tf);
    learningRate = tf.placeholder(TFloat32.class);
    beta1Power = tf.placeholder(TFloat32.class);
    beta2Power = tf.placeholder(TFloat32.class);
    this.optimizer = optimizer;
    int tile = network.inputDims().height();

    List<String> outputs = new ArrayList<>(List.of(Architecture.CLASS_LOGITS));
    outputs.addAll(
        stage.trainsMask()
            ? List.of(Architecture.UNGATED_MASK, Architecture.MASK_LOGITS)
            : List.of(Architecture.RPN_LOGITS));
    TfNetwork.Forward train = model.forward(inputs.images(), stage.trainableParts(), outputs);
    trainLoss =
        LossGraph.build(
            tf, train, inputs, stage, loss.objective(), loss.weights(), loss.maskLoss(), tile);
    List<String> evalOutputs = new ArrayList<>(outputs);
    evalOutputs.add(Architecture.PROBABILITY);
    if (stage.trainsMask()) {
      evalOutputs.add(Architecture.MASK);
    }
    TfNetwork.Forward eval = model.forward(inputs.images(), EnumSet.noneOf(Part.class), evalOutputs);
    evalLoss =
        LossGraph.build(
            tf, eval, inputs, stage, loss.objective(), loss.weights(), loss.maskLoss(), tile);
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
      ParamSpec spec = trainedSpecs.get(i);
      if (optimizer == Optimizer.ADAM) {
        Variable<TFloat32> m = slot(spec, ADAM_M_SLOT);
        Variable<TFloat32> v = slot(spec, ADAM_V_SLOT);
        trainTargets.add(
            gated.train.applyAdam(
                trained.get(i), m, v, beta1Power, beta2Power, learningRate,
                tf.constant(ADAM_BETA1), tf.constant(ADAM_BETA2), tf.constant(ADAM_EPSILON),
                gradient));
      } else if (momentum > 0) {
        Variable<TFloat32> slot = slot(spec, MOMENTUM_SLOT);
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

  private Variable<TFloat32> slot(ParamSpec spec, String suffix) {
    slotNames.add(spec.name() + suffix);
    slotSpecs.add(spec);
    return slots.create(spec.name() + suffix, spec.shape());
  }

  /** Whether {@code name} is an optimizer slot rather than a model variable. */
  static boolean isSlot(String name) {
    return name.endsWith(MOMENTUM_SLOT) || name.endsWith(ADAM_M_SLOT) || name.endsWith(ADAM_V_SLOT);
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> cast(Output<?> output) {
    return (Operand<TFloat32>) output;
  }

  /** Loads model variables, and optimizer slots where {@code weights} has them (else zeros). */
  void load(Weights weights) {
    model.variables().load(session, weights);
    Weights slotValues = new Weights();
    for (int i = 0; i < slotNames.size(); i++) {
      String name = slotNames.get(i);
      ParamSpec spec = slotSpecs.get(i);
      slotValues.put(
          name,
          weights.contains(name)
              ? weights.get(name)
              : new FloatArray(spec.shape().clone(), new float[spec.size()]));
    }
    slots.load(session, slotValues);
  }

  /** Model variables and optimizer slots. */
  Weights read() {
    Weights weights = model.variables().read(session);
    weights.putAll(slots.read(session));
    return weights;
  }

  /**
   * One update on {@code batch} at learning rate {@code rate}, the {@code step}-th (1-based) of the
   * stage (Adam's bias correction); returns the loss terms before the update.
   */
  LossValues trainStep(PatchBatch batch, double rate, long step) {
    Session.Runner runner = session.runner();
    try (BatchInputs.Fed fed = inputs.feed(runner, batch);
        TFloat32 lr = TFloat32.scalarOf((float) rate);
        TFloat32 b1 = TFloat32.scalarOf((float) Math.pow(ADAM_BETA1, step));
        TFloat32 b2 = TFloat32.scalarOf((float) Math.pow(ADAM_BETA2, step))) {
      runner.feed(learningRate, lr);
      if (optimizer == Optimizer.ADAM) {
        runner.feed(beta1Power, b1).feed(beta2Power, b2);
      }
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
        .fetch(terms.bce())
        .fetch(terms.pair());
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
