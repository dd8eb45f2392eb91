package org.latentcadx.conformance.regenerate;

import java.util.Map;
import java.util.SplittableRandom;
import org.latentcadx.trainer.model.Architecture;
import org.latentcadx.trainer.model.FloatArray;
import org.latentcadx.trainer.model.Network;
import org.latentcadx.trainer.model.ParamSpec;
import org.latentcadx.trainer.model.Weights;
import org.latentcadx.trainer.onnx.ContractMetadata;
import org.latentcadx.trainer.onnx.ModelExport;

/**
 * The untrained stand-in model of golden set {@value #SET}: the trainer's {@code lite} architecture
 * with weights drawn here from seed {@value #SEED}, exported by the trainer's ONNX exporter.
 *
 * <p>The weights are drawn here rather than taken from the trainer's initialisation, whose output
 * layers start at zero (every output would be 0.5) and whose rules may change: every convolution and
 * dense kernel is He-normal, biases and batch-norm shifts and means are normal with deviation 0.1,
 * batch-norm scales uniform in [0.5, 1) and variances uniform in [0.5, 2), as a trained network's might
 * be, and the kernels of the classification and mask output layers are scaled by {@value #OUTPUT_GAIN},
 * so that outputs vary across pixels and patches and the lesion thresholds find wide gaps; the lesion
 * logit's bias is shifted up so that the probability-gated mask keeps that spread. Downsampling ×2 (instead of ×4) keeps the golden
 * images small; the other metadata follow the contract defaults.
 */
final class SeededModel {

  static final String SET = "lite-seed";
  static final long SEED = 20210801L;

  /** Gain on the output-layer kernels, so that probabilities and mask values spread over (0, 1). */
  private static final double OUTPUT_GAIN = 8;

  /**
   * Added to the lesion logit's bias, so that most tiles' lesion probability is high: the exported mask
   * is the decoder's mask times that probability, and a model that calls every tile healthy would give
   * a map without lesions to test.
   */
  private static final double LESION_LOGIT_SHIFT = 6;

  private SeededModel() {}

  static byte[] export() {
    Architecture architecture = Architecture.LITE;
    Network network = architecture.network();
    int tile = architecture.tileSize();
    ContractMetadata metadata =
        new ContractMetadata(
            "latentcadx-lite-seed",
            "0.0.0-untrained",
            tile,
            tile / 2,
            2,
            "optical_density",
            0.05,
            3.0,
            0.5,
            0,
            Map.of("preset", architecture.name(), "seed", Long.toString(SEED), "trained", "no"));
    return ModelExport.toBytes(network, seededWeights(network), metadata);
  }

  private static Weights seededWeights(Network network) {
    SplittableRandom random = new SplittableRandom(SEED);
    Weights weights = new Weights();
    for (ParamSpec spec : network.params()) {
      String kind = spec.name().substring(spec.name().lastIndexOf('/') + 1);
      boolean output =
          spec.name().startsWith(Architecture.MASK_LOGITS + "/")
              || spec.name().startsWith(Architecture.CLASS_LOGITS + "/");
      double gain = output ? OUTPUT_GAIN : 1;
      float[] values = new float[spec.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] =
            (float)
                switch (kind) {
                  case "kernel" -> gain * random.nextGaussian() * Math.sqrt(2.0 / spec.fanIn());
                  case "bias", "beta", "moving_mean" -> 0.1 * random.nextGaussian();
                  case "gamma" -> random.nextDouble(0.5, 1.0);
                  case "moving_variance" -> random.nextDouble(0.5, 2.0);
                  default ->
                      throw new IllegalStateException(
                          "no seeded rule for parameter " + spec.name() + "; extend SeededModel");
                };
      }
      if (spec.name().equals(Architecture.CLASS_LOGITS + "/bias")) {
        values[1] += LESION_LOGIT_SHIFT;
      }
      weights.put(spec.name(), new FloatArray(spec.shape(), values));
    }
    return weights;
  }
}
