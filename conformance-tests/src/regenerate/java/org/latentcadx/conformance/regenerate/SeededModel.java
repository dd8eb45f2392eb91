package org.latentcadx.conformance.regenerate;

import java.util.Map;
import org.latentcadx.trainer.model.Architecture;
import org.latentcadx.trainer.model.Network;
import org.latentcadx.trainer.model.Weights;
import org.latentcadx.trainer.onnx.ContractMetadata;
import org.latentcadx.trainer.onnx.ModelExport;

/**
 * The untrained stand-in model of golden set {@value #SET}: the trainer's {@code lite} architecture
 * with its seeded initial weights, exported by the trainer's ONNX exporter. Downsampling ×2 (instead of
 * ×4) keeps the golden images small; everything else follows the contract defaults.
 */
final class SeededModel {

  static final String SET = "lite-seed";
  static final long SEED = 20210801L;

  private SeededModel() {}

  static byte[] export() {
    Architecture architecture = Architecture.LITE;
    Network network = architecture.network();
    Weights weights = Weights.initial(network.params(), SEED);
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
            Map.of("preset", architecture.name(), "seed", Long.toString(SEED), "trained", "no"));
    return ModelExport.toBytes(network, weights, metadata);
  }
}
