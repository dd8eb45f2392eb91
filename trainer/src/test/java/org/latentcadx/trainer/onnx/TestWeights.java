package org.latentcadx.trainer.onnx;

import java.util.SplittableRandom;
import org.latentcadx.trainer.model.FloatArray;
import org.latentcadx.trainer.model.Network;
import org.latentcadx.trainer.model.ParamSpec;
import org.latentcadx.trainer.model.Weights;

/**
 * Initial weights with random batch-norm parameters and statistics, biases and output kernels (which
 * start at zero), as after training.
 */
final class TestWeights {
  private TestWeights() {}

  static Weights withRandomStatistics(Network network, long seed) {
    Weights weights = Weights.initial(network.params(), seed);
    SplittableRandom random = new SplittableRandom(seed + 1);
    for (ParamSpec spec : network.params()) {
      String name = spec.name();
      float[] values = weights.get(name).values().clone();
      for (int i = 0; i < values.length; i++) {
        if (name.endsWith("/moving_mean") || name.endsWith("/beta")) {
          values[i] = (float) (0.1 * random.nextGaussian());
        } else if (name.endsWith("/moving_variance")) {
          values[i] = (float) random.nextDouble(0.5, 2.0);
        } else if (name.endsWith("/gamma")) {
          values[i] = (float) random.nextDouble(0.5, 1.0);
        } else if (name.endsWith("/bias")) {
          values[i] = (float) (0.1 * random.nextGaussian());
        } else if (spec.init() == ParamSpec.Init.ZEROS) {
          values[i] = (float) (Math.sqrt(1.0 / spec.fanIn()) * random.nextGaussian());
        }
      }
      weights.put(name, new FloatArray(spec.shape(), values));
    }
    return weights;
  }
}
