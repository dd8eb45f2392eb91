package org.latentcadx.sdk.model;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.latentcadx.sdk.Device;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.ModelSource;
import org.latentcadx.sdk.internal.inference.SessionFactory;
import org.latentcadx.sdk.internal.model.GraphValidator;
import org.latentcadx.sdk.internal.model.ModelBytes;

/**
 * Checks a model against the model contract and lists <em>every</em> violation (a detector stops at the
 * first): missing and invalid metadata keys, and the input and outputs the graph lacks or has with the
 * wrong type or shape. Where the metadata does not name the tensors, the contract's default names
 * ({@code image}, {@code probability}, {@code mask}) are checked; where it has no valid tile size, only
 * ranks and the batch axis are.
 */
public final class ModelCheck {

  private ModelCheck() {}

  /**
   * The contract violations of {@code source}, as sentences naming the key or tensor and what was
   * expected; empty when the model follows the contract.
   *
   * @throws LatentCadxException {@code MODEL_NOT_FOUND} or {@code INVALID_MODEL} when there is no
   *     loadable ONNX model to check
   */
  public static List<String> violations(ModelSource source) throws LatentCadxException {
    ModelBytes bytes = ModelBytes.read(source);
    SessionFactory.CreatedSession created =
        new SessionFactory(Device.cpu(), 1, 1).create(bytes.bytes(), source.description());
    try (OrtSession session = created.session()) {
      Map<String, String> metadata = session.getMetadata().getCustomMetadata();
      List<String> problems = new ArrayList<>(ModelContract.violations(metadata));
      problems.addAll(GraphValidator.violations(
          session,
          named(metadata, ModelContract.KEY_INPUT_NAME, "image"),
          named(metadata, ModelContract.KEY_PROBABILITY_NAME, "probability"),
          named(metadata, ModelContract.KEY_MASK_NAME, "mask"),
          tileSize(metadata),
          source.description()));
      return List.copyOf(problems);
    } catch (OrtException e) {
      throw new LatentCadxException(
          ErrorCode.INVALID_MODEL, source.description() + ": cannot read its metadata: " + e.getMessage(), e);
    }
  }

  private static String named(Map<String, String> metadata, String key, String fallback) {
    String value = metadata.get(key);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static long tileSize(Map<String, String> metadata) {
    try {
      int tile = Integer.parseInt(metadata.getOrDefault(ModelContract.KEY_TILE_SIZE, "").strip());
      return tile >= 1 && tile <= ModelContract.MAX_TILE_SIZE ? tile : GraphValidator.UNKNOWN_TILE;
    } catch (NumberFormatException e) {
      return GraphValidator.UNKNOWN_TILE;
    }
  }
}
