package org.latentcadx.trainer.onnx;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.latentcadx.trainer.model.Architecture;
import org.latentcadx.trainer.model.Network;

/**
 * The metadata properties that sdk/MODEL_CONTRACT.md requires, plus {@code latentcadx.provenance.*}
 * entries describing how the model was trained.
 *
 * @param normalization {@code bits_stored} or {@code optical_density}
 * @param odMin OD below this is set to 0 (used with {@code optical_density})
 * @param odMax OD clip and scale (used with {@code optical_density})
 * @param provenance keys without the {@code latentcadx.provenance.} prefix
 */
public record ContractMetadata(
    String modelName,
    String modelVersion,
    int tileSize,
    int tileStride,
    int downsampleFactor,
    String normalization,
    double odMin,
    double odMax,
    double decisionThreshold,
    Map<String, String> provenance) {

  public static final String CONTRACT_VERSION = "1";
  private static final String PREFIX = "latentcadx.";

  public ContractMetadata {
    provenance = Map.copyOf(provenance);
    if (!normalization.equals("bits_stored") && !normalization.equals("optical_density")) {
      throw new IllegalArgumentException(
          "normalization must be bits_stored or optical_density, got " + normalization);
    }
    if (tileStride < 1 || tileStride > tileSize) {
      throw new IllegalArgumentException("tile stride must be in [1, " + tileSize + "]");
    }
  }

  /**
   * The paper's defaults for {@code architecture}: stride half a tile, ×0.25 down-sampling, optical
   * density (if that is the normalisation) clipped to [0.05, 3.0], threshold 0.5.
   */
  public static ContractMetadata defaults(
      String modelName,
      Architecture architecture,
      String normalization,
      Map<String, String> provenance) {
    int tile = architecture.tileSize();
    return new ContractMetadata(
        modelName, "1.0.0", tile, tile / 2, 4, normalization, 0.05, 3.0, 0.5, provenance);
  }

  /** The properties in the order the contract lists them. */
  public Map<String, String> toProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(PREFIX + "contract_version", CONTRACT_VERSION);
    p.put(PREFIX + "model_name", modelName);
    p.put(PREFIX + "model_version", modelVersion);
    p.put(PREFIX + "input_name", Network.INPUT);
    p.put(PREFIX + "output_probability_name", Architecture.PROBABILITY);
    p.put(PREFIX + "output_mask_name", Architecture.MASK);
    p.put(PREFIX + "tile_size", Integer.toString(tileSize));
    p.put(PREFIX + "tile_stride", Integer.toString(tileStride));
    p.put(PREFIX + "downsample_factor", Integer.toString(downsampleFactor));
    p.put(PREFIX + "normalization", normalization);
    if (normalization.equals("optical_density")) {
      p.put(PREFIX + "od_min", format(odMin));
      p.put(PREFIX + "od_max", format(odMax));
    }
    p.put(PREFIX + "decision_threshold", format(decisionThreshold));
    new java.util.TreeMap<>(provenance).forEach((k, v) -> p.put(PREFIX + "provenance." + k, v));
    return p;
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%s", value);
  }
}
