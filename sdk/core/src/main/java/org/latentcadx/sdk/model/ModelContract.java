package org.latentcadx.sdk.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;

/**
 * The model contract: the {@code latentcadx.*} metadata a LatentCADx ONNX model carries (the keys, the
 * normalisation names and the contract version, all public here), and one model's values parsed and
 * range-checked from it as {@code sdk/MODEL_CONTRACT.md} specifies. Trainers write these keys; {@link
 * #parse} is what the SDK reads a model with, so a model that parses here loads in a detector (provided
 * its graph has the named input and outputs).
 *
 * @param odRange the optical-density clip range, present exactly when {@code normalization} is {@link
 *     Normalization#OPTICAL_DENSITY}
 * @param mapSmoothing the standard deviation, in map pixels, of the Gaussian that smooths the probability
 *     map before lesions are extracted ({@code latentcadx.map_smoothing_sigma}; 0, no smoothing, when the
 *     model does not carry the key)
 */
public record ModelContract(
    String modelName,
    String modelVersion,
    String inputName,
    String probabilityOutputName,
    String maskOutputName,
    int tileSize,
    int tileStride,
    int downsampleFactor,
    Normalization normalization,
    Optional<OdRange> odRange,
    float decisionThreshold,
    double mapSmoothing) {

  /** A contract without map smoothing (the form of SDK versions before {@link #KEY_MAP_SMOOTHING}). */
  public ModelContract(
      String modelName,
      String modelVersion,
      String inputName,
      String probabilityOutputName,
      String maskOutputName,
      int tileSize,
      int tileStride,
      int downsampleFactor,
      Normalization normalization,
      Optional<OdRange> odRange,
      float decisionThreshold) {
    this(modelName, modelVersion, inputName, probabilityOutputName, maskOutputName, tileSize, tileStride,
        downsampleFactor, normalization, odRange, decisionThreshold, 0);
  }

  /** The contract version this SDK implements. */
  public static final String CONTRACT_VERSION = "1";

  public static final String PREFIX = "latentcadx.";
  public static final String KEY_CONTRACT_VERSION = PREFIX + "contract_version";
  public static final String KEY_MODEL_NAME = PREFIX + "model_name";
  public static final String KEY_MODEL_VERSION = PREFIX + "model_version";
  public static final String KEY_INPUT_NAME = PREFIX + "input_name";
  public static final String KEY_PROBABILITY_NAME = PREFIX + "output_probability_name";
  public static final String KEY_MASK_NAME = PREFIX + "output_mask_name";
  public static final String KEY_TILE_SIZE = PREFIX + "tile_size";
  public static final String KEY_TILE_STRIDE = PREFIX + "tile_stride";
  public static final String KEY_DOWNSAMPLE_FACTOR = PREFIX + "downsample_factor";
  public static final String KEY_NORMALIZATION = PREFIX + "normalization";
  public static final String KEY_OD_MIN = PREFIX + "od_min";
  public static final String KEY_OD_MAX = PREFIX + "od_max";
  public static final String KEY_DECISION_THRESHOLD = PREFIX + "decision_threshold";
  /**
   * Optional: the map smoothing (Gaussian standard deviation in map pixels, [0, {@value
   * #MAX_MAP_SMOOTHING}]) the model's decision threshold was chosen with; absent means 0.
   */
  public static final String KEY_MAP_SMOOTHING = PREFIX + "map_smoothing_sigma";
  /** Largest map smoothing accepted, in map pixels. */
  public static final double MAX_MAP_SMOOTHING = 64;
  /** Optional: what the model is for (and not for), in one or two sentences; shown to users. */
  public static final String KEY_INTENDED_USE = PREFIX + "intended_use";

  /** Largest tile edge accepted (a 4096² tile is already 64 MiB per batch element). */
  static final int MAX_TILE_SIZE = 4096;

  /** How stored grey levels become model input in [0, 1]. */
  public enum Normalization {
    /** {@code value / (2^bitsStored − 1)}. */
    BITS_STORED("bits_stored"),
    /** DDSM scanner calibration to optical density, clipped and scaled by {@link OdRange}. */
    OPTICAL_DENSITY("optical_density");

    private final String key;

    Normalization(String key) {
      this.key = key;
    }

    /** The metadata value naming this normalisation. */
    public String key() {
      return key;
    }
  }

  /**
   * Optical-density clipping: OD below {@code min} becomes 0, OD above {@code max} becomes {@code max},
   * then OD / max gives [0, 1].
   */
  public record OdRange(double min, double max) {}

  /**
   * Parses the contract out of a model's metadata.
   *
   * @param model the model's description, for messages
   * @throws LatentCadxException {@code INCOMPATIBLE_MODEL} naming the first missing or invalid key and
   *     what was expected ({@link #violations} lists them all)
   */
  public static ModelContract parse(Map<String, String> metadata, String model)
      throws LatentCadxException {
    Keys keys = new Keys(metadata);
    Optional<ModelContract> contract = keys.contract();
    if (contract.isEmpty()) {
      List<String> problems = keys.problems;
      String more = problems.size() == 1 ? ""
          : " (and " + (problems.size() - 1) + " more problem(s); `latentcadx inspect` lists them all)";
      throw new LatentCadxException(ErrorCode.INCOMPATIBLE_MODEL, model + ": " + problems.get(0) + more);
    }
    return contract.get();
  }

  /**
   * Every way a model's metadata breaks the contract, as sentences naming the key and what was expected;
   * empty when the metadata is a valid contract.
   */
  public static List<String> violations(Map<String, String> metadata) {
    Keys keys = new Keys(metadata);
    keys.contract();
    return List.copyOf(keys.problems);
  }

  /** Reads keys of one model's metadata, collecting every problem instead of stopping at the first. */
  private static final class Keys {
    private final Map<String, String> metadata;
    private final List<String> problems = new ArrayList<>();

    Keys(Map<String, String> metadata) {
      this.metadata = metadata;
    }

    /** The contract, or empty when any key is missing or invalid (see {@link #problems}). */
    Optional<ModelContract> contract() {
      String version = required(KEY_CONTRACT_VERSION);
      if (version != null && !CONTRACT_VERSION.equals(version)) {
        invalid(KEY_CONTRACT_VERSION, "contract version " + CONTRACT_VERSION);
      }
      Integer tileSize = integer(KEY_TILE_SIZE, 1, MAX_TILE_SIZE);
      Integer stride = integer(KEY_TILE_STRIDE, 1, tileSize == null ? MAX_TILE_SIZE : tileSize);
      Integer factor = integer(KEY_DOWNSAMPLE_FACTOR, 1, 64);
      Normalization normalization = normalization();
      Optional<OdRange> odRange = Optional.empty();
      if (normalization == Normalization.OPTICAL_DENSITY) {
        Double odMin = decimal(KEY_OD_MIN, 0, 10);
        Double odMax = decimal(KEY_OD_MAX, 0, 10);
        if (odMin != null && odMax != null) {
          if (odMax > odMin) {
            odRange = Optional.of(new OdRange(odMin, odMax));
          } else {
            invalid(KEY_OD_MAX, "a value greater than " + KEY_OD_MIN + " (" + odMin + ")");
          }
        }
      }
      Double threshold = decimal(KEY_DECISION_THRESHOLD, 0, 1);
      if (threshold != null && !(threshold > 0)) {
        invalid(KEY_DECISION_THRESHOLD, "a number in (0, 1]");
      }
      Double smoothing = metadata.getOrDefault(KEY_MAP_SMOOTHING, "").isBlank()
          ? Double.valueOf(0)
          : decimal(KEY_MAP_SMOOTHING, 0, MAX_MAP_SMOOTHING);
      String name = required(KEY_MODEL_NAME);
      String modelVersion = required(KEY_MODEL_VERSION);
      String input = required(KEY_INPUT_NAME);
      String probability = required(KEY_PROBABILITY_NAME);
      String mask = required(KEY_MASK_NAME);
      if (!problems.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new ModelContract(name, modelVersion, input, probability, mask, tileSize, stride,
          factor, normalization, odRange, threshold.floatValue(), smoothing));
    }

    String required(String key) {
      String value = metadata.get(key);
      if (value == null || value.isBlank()) {
        problems.add("metadata key '" + key + "' is missing; a LatentCADx model must carry it (see"
            + " sdk/MODEL_CONTRACT.md)");
        return null;
      }
      return value.strip();
    }

    Integer integer(String key, int min, int max) {
      return parsed(key, Integer::valueOf, min, max, "an integer");
    }

    Double decimal(String key, double min, double max) {
      return parsed(key, Double::valueOf, min, max, "a number");
    }

    private <T extends Comparable<T>> T parsed(
        String key, Function<String, T> parser, T min, T max, String kind) {
      String value = required(key);
      if (value == null) {
        return null;
      }
      try {
        T parsed = parser.apply(value);
        if (parsed.compareTo(min) >= 0 && parsed.compareTo(max) <= 0) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      invalid(key, kind + " in [" + min + ", " + max + "]");
      return null;
    }

    Normalization normalization() {
      String value = required(KEY_NORMALIZATION);
      if (value == null) {
        return null;
      }
      for (Normalization candidate : Normalization.values()) {
        if (candidate.key().equals(value)) {
          return candidate;
        }
      }
      invalid(KEY_NORMALIZATION, "'bits_stored' or 'optical_density'");
      return null;
    }

    void invalid(String key, String expected) {
      problems.add("metadata key '" + key + "' is '" + metadata.get(key) + "'; expected " + expected);
    }
  }
}
