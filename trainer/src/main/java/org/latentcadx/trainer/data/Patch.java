package org.latentcadx.trainer.data;

import java.util.Objects;

/**
 * One patch in memory: a square context window around the patch centre, larger than the model tile so
 * that rotation and random crops find real pixels (the model sees the centre {@code tile × tile}).
 *
 * @param record metadata
 * @param size edge of the context window in pixels
 * @param image row-major grey values in [0, 1] as the SDK feeds the model (bits-stored normalisation)
 * @param outline row-major hand-drawn outline mask, 0 or 1
 * @param latent row-major latent-truth mask, 0 or 1; all zeros when {@code record.latentKnown()} is false
 */
public record Patch(PatchRecord record, int size, float[] image, byte[] outline, byte[] latent) {

  public Patch {
    Objects.requireNonNull(record, "record");
    int n = size * size;
    if (size <= 0 || image.length != n || outline.length != n || latent.length != n) {
      throw new IllegalArgumentException(
          "a " + size + "×" + size + " patch needs " + n + " pixels per plane, got image " + image.length
              + ", outline " + outline.length + ", latent " + latent.length);
    }
  }
}
