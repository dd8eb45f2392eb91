package org.latentcadx.sdk;

import java.util.Map;
import java.util.Objects;

/**
 * What a detector knows about its model, read from the model's metadata (see {@code
 * sdk/MODEL_CONTRACT.md}).
 *
 * @param name {@code latentcadx.model_name}
 * @param version {@code latentcadx.model_version}
 * @param sha256 lower-case hex SHA-256 of the model file's bytes
 * @param source where the model was loaded from
 * @param tileSize tile edge in pixels at the model scale
 * @param defaultStride the model's default stride between tiles
 * @param downsampleFactor integer factor from original to model scale
 * @param normalization {@code bits_stored} or {@code optical_density}
 * @param decisionThreshold the model's threshold for a positive tile and a lesion pixel
 * @param mapSmoothing the model's map smoothing ({@code latentcadx.map_smoothing_sigma}, Gaussian
 *     standard deviation in map pixels; 0 when the model does not carry it)
 * @param metadata every metadata entry of the model, unmodifiable
 */
public record ModelInfo(
    String name,
    String version,
    String sha256,
    String source,
    int tileSize,
    int defaultStride,
    int downsampleFactor,
    String normalization,
    float decisionThreshold,
    double mapSmoothing,
    Map<String, String> metadata) {
  public ModelInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(normalization, "normalization");
    metadata = Map.copyOf(metadata);
  }

  /** A model without map smoothing (the form of SDK versions before {@code mapSmoothing}). */
  public ModelInfo(
      String name,
      String version,
      String sha256,
      String source,
      int tileSize,
      int defaultStride,
      int downsampleFactor,
      String normalization,
      float decisionThreshold,
      Map<String, String> metadata) {
    this(name, version, sha256, source, tileSize, defaultStride, downsampleFactor, normalization,
        decisionThreshold, 0, metadata);
  }

  /**
   * What the model is for, from its {@code latentcadx.intended_use} metadata; empty when the model
   * does not say.
   */
  public java.util.Optional<String> intendedUse() {
    String use = metadata.get(org.latentcadx.sdk.model.ModelContract.KEY_INTENDED_USE);
    return use == null || use.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(use.strip());
  }
}
