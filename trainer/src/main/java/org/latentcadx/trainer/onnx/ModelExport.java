package org.latentcadx.trainer.onnx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.latentcadx.trainer.model.Architecture;
import org.latentcadx.trainer.model.Network;
import org.latentcadx.trainer.model.Weights;

/** Writes the inference model of the model contract: input {@code image}, outputs probability and mask. */
public final class ModelExport {
  private ModelExport() {}

  /** The contract's model bytes for {@code network} with {@code weights}. */
  public static byte[] toBytes(Network network, Weights weights, ContractMetadata metadata) {
    return new OnnxExporter(network, weights)
        .export(
            metadata.modelName(),
            List.of(Architecture.PROBABILITY, Architecture.MASK),
            metadata.toProperties())
        .toByteArray();
  }

  /** Writes the model to {@code file}. */
  public static void write(Path file, Network network, Weights weights, ContractMetadata metadata)
      throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(toBytes(network, weights, metadata));
    }
  }
}
