package org.latentcadx.trainer.eval;

import java.util.Arrays;
import java.util.Random;
import org.latentcadx.trainer.data.Augmentation;
import org.latentcadx.trainer.data.PatchBatch;
import org.latentcadx.trainer.data.PatchRecord;
import org.latentcadx.trainer.data.PatchStore;

/**
 * A fixed set of store patches (centre tiles) that models are compared on, with what the comparison
 * needs of each lesion patch: image, outline, latent truth and the latent truth's convex hull.
 */
final class StudySet {
  private static final int CHUNK = 32;

  final String name;
  final PatchStore store;
  final int[] indices;
  final int[] lesionPositions;
  final float[][] images;
  final float[][] outlines;
  final float[][] latents;
  final float[][] hulls;

  private StudySet(String name, PatchStore store, int[] indices) {
    this.name = name;
    this.store = store;
    this.indices = indices.clone();
    this.lesionPositions =
        java.util.stream.IntStream.range(0, indices.length)
            .filter(k -> store.record(indices[k]).label() == 1)
            .toArray();
    int n = lesionPositions.length;
    images = new float[n][];
    outlines = new float[n][];
    latents = new float[n][];
    hulls = new float[n][];
    int tile = store.tileSize();
    int plane = tile * tile;
    for (int from = 0; from < n; from += CHUNK) {
      int[] chunk =
          Arrays.stream(Arrays.copyOfRange(lesionPositions, from, Math.min(n, from + CHUNK)))
              .map(k -> indices[k])
              .toArray();
      PatchBatch batch = store.batch(chunk, Augmentation.none(), new Random(0));
      for (int b = 0; b < chunk.length; b++) {
        int j = from + b;
        images[j] = Arrays.copyOfRange(batch.images(), b * plane, (b + 1) * plane);
        outlines[j] = Arrays.copyOfRange(batch.outlineMasks(), b * plane, (b + 1) * plane);
        latents[j] = Arrays.copyOfRange(batch.latentMasks(), b * plane, (b + 1) * plane);
        hulls[j] = ClusterHull.of(latents[j], tile);
        if (!batch.latentKnown()[b]) {
          throw new IllegalArgumentException(
              store.directory() + ": patch " + chunk[b] + " has no latent truth; the study needs it");
        }
      }
    }
  }

  /** The patches {@code indices} of {@code store}, called {@code name} in reports. */
  static StudySet of(String name, PatchStore store, int[] indices) {
    return new StudySet(name, store, indices);
  }

  PatchRecord record(int position) {
    return store.record(indices[position]);
  }

  int size() {
    return indices.length;
  }

  int tile() {
    return store.tileSize();
  }
}
