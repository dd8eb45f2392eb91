package org.latentcadx.trainer.data;

import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.MammogramImage;

/** Synthetic images generated at the model's scale, made ready for the SDK's own downsampling. */
public final class SyntheticImages {
  private SyntheticImages() {}

  /**
   * The image with every pixel repeated {@code factor}×{@code factor} times, so that the SDK's
   * downsampling by the model's factor gives back the generated pixels (the image itself when the
   * factor is 1).
   */
  public static MammogramImage upscaled(MammogramImage image, int factor) throws LatentCadxException {
    if (factor == 1) {
      return image;
    }
    int w = image.width();
    float[] source = image.pixels();
    float[] pixels = new float[w * factor * image.height() * factor];
    for (int y = 0; y < image.height() * factor; y++) {
      for (int x = 0; x < w * factor; x++) {
        pixels[y * w * factor + x] = source[(y / factor) * w + x / factor];
      }
    }
    return MammogramImage.ofFloats(w * factor, image.height() * factor, pixels, image.metadata());
  }
}
