package org.latentcadx.trainer.tf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentcadx.trainer.model.FloatArray;
import org.latentcadx.trainer.model.Weights;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Named float variables of one graph, each with an assign op, so that their values move between
 * {@link Weights} (initial values, checkpoints, earlier stages) and a session.
 */
public final class TfVariables {
  private final Ops tf;
  private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
  private final Map<String, Placeholder<TFloat32>> values = new LinkedHashMap<>();
  private final Map<String, Assign<TFloat32>> assigns = new LinkedHashMap<>();

  public TfVariables(Ops tf) {
    this.tf = tf;
  }

  /** Creates variable {@code name} of the given shape. */
  public Variable<TFloat32> create(String name, long[] shape) {
    if (variables.containsKey(name)) {
      throw new IllegalArgumentException("variable " + name + " exists already");
    }
    Variable<TFloat32> variable = tf.variable(Shape.of(shape), TFloat32.class);
    Placeholder<TFloat32> value =
        tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
    variables.put(name, variable);
    values.put(name, value);
    assigns.put(name, tf.assign(variable, value));
    return variable;
  }

  public Variable<TFloat32> get(String name) {
    Variable<TFloat32> variable = variables.get(name);
    if (variable == null) {
      throw new IllegalArgumentException("no variable named " + name);
    }
    return variable;
  }

  public boolean contains(String name) {
    return variables.containsKey(name);
  }

  /** Assigns every variable its value from {@code weights}; all must be present. */
  public void load(Session session, Weights weights) {
    if (variables.isEmpty()) {
      return;
    }
    Session.Runner runner = session.runner();
    List<Tensor> tensors = new ArrayList<>();
    try {
      for (String name : variables.keySet()) {
        FloatArray value = weights.get(name);
        TFloat32 tensor =
            TFloat32.tensorOf(Shape.of(value.shape()), DataBuffers.of(value.values(), true, false));
        tensors.add(tensor);
        runner.feed(values.get(name), tensor).addTarget(assigns.get(name));
      }
      runner.run().close();
    } finally {
      tensors.forEach(Tensor::close);
    }
  }

  /** Reads the current value of every variable. */
  public Weights read(Session session) {
    Weights weights = new Weights();
    if (variables.isEmpty()) {
      return weights;
    }
    Session.Runner runner = session.runner();
    List<String> names = new ArrayList<>(variables.keySet());
    names.forEach(name -> runner.fetch(variables.get(name)));
    try (Result result = runner.run()) {
      for (int i = 0; i < names.size(); i++) {
        weights.put(names.get(i), Tensors.toArray((TFloat32) result.get(i)));
      }
    }
    return weights;
  }
}
