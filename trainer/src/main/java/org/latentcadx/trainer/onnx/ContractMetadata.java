package org.latentcadx.trainer.onnx;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.latentcadx.sdk.model.ModelContract;
import org.latentcadx.sdk.model.ModelContract.Normalization;
import org.latentcadx.trainer.model.Architecture;
import org.latentcadx.trainer.model.Network;

/**
 * The metadata properties that sdk/MODEL_CONTRACT.md requires, plus {@code latentcadx.provenance.*}
 * entries describing how the model was trained.
 *
 * @param normalization {@code bits_stored} or {@code optical_density}
 * @param odMin OD below this is set to 0 (used with {@code optical_density})
 * @param odMax OD clip and scale (used with {@code optical_density})
 * @param mapSmoothing the map smoothing (Gaussian standard deviation, map pixels) the decision threshold
 *     was chosen with; written only when above 0
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
    double mapSmoothing,
    Map<String, String> provenance) {

  /** Prefix of the provenance keys. */
  public static final String PROVENANCE_PREFIX = ModelContract.PREFIX + "provenance.";

  public ContractMetadata {
    provenance = Map.copyOf(provenance);
    normalization(normalization);
    if (tileStride < 1 || tileStride > tileSize) {
      throw new IllegalArgumentException("tile stride must be in [1, " + tileSize + "]");
    }
    if (!(mapSmoothing >= 0 && mapSmoothing <= ModelContract.MAX_MAP_SMOOTHING)) {
      throw new IllegalArgumentException("map smoothing must be in [0, 64] map pixels, got " + mapSmoothing);
    }
  }

  /**
   * The paper's defaults for {@code architecture}: stride half a tile, ×0.25 down-sampling, optical
   * density (if that is the normalisation) clipped to [0.05, 3.0], threshold 0.5, no map smoothing.
   */
  public static ContractMetadata defaults(
      String modelName,
      Architecture architecture,
      String normalization,
      Map<String, String> provenance) {
    int tile = architecture.tileSize();
    return new ContractMetadata(
        modelName, "1.0.0", tile, tile / 2, 4, normalization, 0.05, 3.0, 0.5, 0, provenance);
  }

  /** A copy with another decision threshold (lesion pixels and positive tiles). */
  public ContractMetadata withDecisionThreshold(double threshold) {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("decision threshold must be in (0, 1), got " + threshold);
    }
    return new ContractMetadata(
        modelName, modelVersion, tileSize, tileStride, downsampleFactor, normalization, odMin, odMax,
        threshold, mapSmoothing, provenance);
  }

  /** A copy with another map smoothing, in map pixels (0: none). */
  public ContractMetadata withMapSmoothing(double sigma) {
    return new ContractMetadata(
        modelName, modelVersion, tileSize, tileStride, downsampleFactor, normalization, odMin, odMax,
        decisionThreshold, sigma, provenance);
  }

  /** What every model this trainer makes is for: it learns from synthetic mammograms only. */
  public static final String INTENDED_USE = "Research demonstration of LatentCADx, trained on synthetic"
      + " mammograms only: not evidence about real mammograms and not for clinical use.";

  /** The properties in the order the contract lists them. */
  public Map<String, String> toProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(ModelContract.KEY_CONTRACT_VERSION, ModelContract.CONTRACT_VERSION);
    p.put(ModelContract.KEY_MODEL_NAME, modelName);
    p.put(ModelContract.KEY_MODEL_VERSION, modelVersion);
    p.put(ModelContract.KEY_INPUT_NAME, Network.INPUT);
    p.put(ModelContract.KEY_PROBABILITY_NAME, Architecture.PROBABILITY);
    p.put(ModelContract.KEY_MASK_NAME, Architecture.MASK);
    p.put(ModelContract.KEY_TILE_SIZE, Integer.toString(tileSize));
    p.put(ModelContract.KEY_TILE_STRIDE, Integer.toString(tileStride));
    p.put(ModelContract.KEY_DOWNSAMPLE_FACTOR, Integer.toString(downsampleFactor));
    p.put(ModelContract.KEY_NORMALIZATION, normalization);
    if (normalization(normalization) == Normalization.OPTICAL_DENSITY) {
      p.put(ModelContract.KEY_OD_MIN, format(odMin));
      p.put(ModelContract.KEY_OD_MAX, format(odMax));
    }
    p.put(ModelContract.KEY_DECISION_THRESHOLD, format(decisionThreshold));
    if (mapSmoothing > 0) {
      p.put(ModelContract.KEY_MAP_SMOOTHING, format(mapSmoothing));
    }
    p.put(ModelContract.KEY_INTENDED_USE, INTENDED_USE);
    new TreeMap<>(provenance).forEach((k, v) -> p.put(PROVENANCE_PREFIX + k, v));
    return p;
  }

  /** The contract's normalisation named {@code key}. */
  private static Normalization normalization(String key) {
    for (Normalization candidate : Normalization.values()) {
      if (candidate.key().equals(key)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        "normalization must be bits_stored or optical_density, got " + key);
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%s", value);
  }
}
