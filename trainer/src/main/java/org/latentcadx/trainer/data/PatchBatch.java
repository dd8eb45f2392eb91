package org.latentcadx.trainer.data;

/**
 * A batch of model tiles in NCHW order, ready for a {@code [B, 1, T, T]} float tensor.
 *
 * @param tileSize tile edge {@code T}
 * @param indices store indices of the patches, in batch order
 * @param images {@code B·T·T} grey values in [0, 1] (shape {@code [B, 1, T, T]})
 * @param outlineMasks hand-drawn outline masks, 0 or 1 (shape {@code [B, 1, T, T]})
 * @param latentMasks latent-truth masks, 0 or 1, all 0 where {@code latentKnown[b]} is false
 * @param labels 1 for a lesion patch, 0 for a normal one (shape {@code [B]})
 * @param latentKnown whether each patch's latent mask is known (synthetic data)
 */
public record PatchBatch(
    int tileSize,
    int[] indices,
    float[] images,
    float[] outlineMasks,
    float[] latentMasks,
    float[] labels,
    boolean[] latentKnown) {

  /** Number of patches {@code B}. */
  public int size() {
    return labels.length;
  }

  /** The NCHW shape of the image and mask arrays: {@code [B, 1, T, T]}. */
  public long[] imageShape() {
    return new long[] {size(), 1, tileSize, tileSize};
  }
}
