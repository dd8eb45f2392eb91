package org.latentcadx.trainer.data;

import java.util.Random;

/**
 * Random geometric and noise augmentation of a stored context window into a model tile. The same
 * rotation and crop are applied to the image and both masks; noise is added to the image only.
 *
 * <p>A tile pixel at offset {@code q} from the tile centre shows the context pixel at offset {@code
 * (dx, dy) + R(θ)·q} from the context centre, so the content appears shifted by {@code (−dx, −dy)} and
 * rotated by {@code θ} counter-clockwise as displayed (rows downwards). The image is sampled bilinearly,
 * masks bilinearly then thresholded at 0.5 (they stay binary); samples outside the context window repeat
 * its edge.
 *
 * <p>Training tiles should have the statistics of inference tiles, which are stored pixels unchanged.
 * A rotation by other than a multiple of 90° samples between pixels, and bilinear sampling averages
 * neighbours: it roughly halves the variance of pixel-scale texture. Noise adds variance. A model's
 * batch normalisation can come to depend on such a difference: in round 4 of onnx-models/STUDY.md one
 * seed's deep features had three times their normalised variance on clean tiles because the training
 * tiles carried noise of σ 0.01. The dihedral preset draws the orientation from the 8 exact ones
 * (quarter turns, mirrored or not), shifts by whole pixels and adds no noise: every tile pixel is a
 * stored pixel.
 *
 * @param maxRotationDegrees θ is uniform in {@code [−max, max]} degrees (0 in the dihedral mode)
 * @param maxShift {@code dx, dy} are uniform integers in {@code [−maxShift, maxShift]} (the random crop);
 *     at most {@code (context − tile) / 2}
 * @param noiseSigma standard deviation of the Gaussian noise added to image values (then clipped to
 *     [0, 1])
 * @param dihedralOrientations the orientation is one of the 8 quarter turns and mirror images, uniformly
 */
public record Augmentation(double maxRotationDegrees, int maxShift, double noiseSigma, boolean dihedralOrientations) {

  public Augmentation {
    if (!(maxRotationDegrees >= 0) || maxShift < 0 || !(noiseSigma >= 0)) {
      throw new IllegalArgumentException(
          "augmentation ranges must be ≥ 0, got rotation " + maxRotationDegrees + ", shift " + maxShift
              + ", noise " + noiseSigma);
    }
    if (dihedralOrientations && maxRotationDegrees != 0) {
      throw new IllegalArgumentException("the dihedral mode draws quarter turns; its rotation range must be 0");
    }
  }

  /** A continuous rotation, no dihedral orientations. */
  public Augmentation(double maxRotationDegrees, int maxShift, double noiseSigma) {
    this(maxRotationDegrees, maxShift, noiseSigma, false);
  }

  /** No augmentation: the centre tile, unchanged (for validation and inference-like evaluation). */
  public static Augmentation none() {
    return new Augmentation(0, 0, 0);
  }

  /** The paper's augmentation: rotation ±15°, random crop (shift ±16 px), Gaussian noise σ = 0.01. */
  public static Augmentation paper() {
    return new Augmentation(15, 16, 0.01);
  }

  /**
   * Exact augmentation: one of the 8 quarter turns and mirror images, and the paper's random crop (shift
   * ±16 px), without noise, so that every tile pixel is a stored pixel and training tiles have the
   * statistics of inference tiles.
   */
  public static Augmentation dihedral() {
    return new Augmentation(0, 16, 0, true);
  }

  /** In words, for provenance: e.g. {@code rotation ±15°, shift ±16 px, noise σ 0.01}. */
  public String describe() {
    String orientation =
        dihedralOrientations ? "quarter turns and mirror images" : "rotation ±" + maxRotationDegrees + "°";
    return orientation + ", shift ±" + maxShift + " px, noise σ " + noiseSigma;
  }

  /** The same augmentation with Gaussian noise of this standard deviation instead. */
  public Augmentation withNoise(double sigma) {
    return new Augmentation(maxRotationDegrees, maxShift, sigma, dihedralOrientations);
  }

  /**
   * The preset of this name: {@code paper}, {@code dihedral} or {@code none}.
   *
   * @throws IllegalArgumentException for another name
   */
  public static Augmentation named(String name) {
    return switch (name) {
      case "paper" -> paper();
      case "dihedral" -> dihedral();
      case "none" -> none();
      default -> throw new IllegalArgumentException("augmentation must be paper, dihedral or none, got " + name);
    };
  }

  /**
   * Writes the augmented {@code tile × tile} planes of {@code patch} into the three arrays at {@code
   * offset}.
   */
  void apply(
      Patch patch, int tile, Random random, float[] image, float[] outline, float[] latent, int offset) {
    int margin = (patch.size() - tile) / 2;
    if (maxShift > margin) {
      throw new IllegalArgumentException(
          "shift ±" + maxShift + " exceeds the store's context margin of " + margin + " px");
    }
    int quarterTurns = dihedralOrientations ? random.nextInt(4) : 0;
    boolean mirror = dihedralOrientations && random.nextBoolean();
    double theta =
        maxRotationDegrees == 0 ? 0 : Math.toRadians((2 * random.nextDouble() - 1) * maxRotationDegrees);
    int dx = maxShift == 0 ? 0 : random.nextInt(2 * maxShift + 1) - maxShift;
    int dy = maxShift == 0 ? 0 : random.nextInt(2 * maxShift + 1) - maxShift;
    Transform t =
        dihedralOrientations
            ? Transform.dihedral(patch.size(), tile, quarterTurns, mirror, dx, dy)
            : new Transform(patch.size(), tile, theta, dx, dy);
    t.resampleImage(patch.image(), image, offset);
    t.resampleMask(patch.outline(), outline, offset);
    t.resampleMask(patch.latent(), latent, offset);
    if (noiseSigma > 0) {
      for (int p = offset; p < offset + tile * tile; p++) {
        image[p] = (float) Math.min(1, Math.max(0, image[p] + noiseSigma * random.nextGaussian()));
      }
    }
  }

  /**
   * One rotation-and-shift mapping from a context window to a tile, the rotation given by its cosine and
   * sine; {@code mirror} flips the tile left to right before rotating.
   */
  record Transform(int context, int tile, double cos, double sin, boolean mirror, int dx, int dy) {

    /** The rotation by {@code theta} radians. */
    Transform(int context, int tile, double theta, int dx, int dy) {
      this(context, tile, Math.cos(theta), Math.sin(theta), false, dx, dy);
    }

    /** {@code quarterTurns} × 90°, optionally mirrored, with exact cosine and sine. */
    static Transform dihedral(int context, int tile, int quarterTurns, boolean mirror, int dx, int dy) {
      int[] cos = {1, 0, -1, 0};
      int[] sin = {0, 1, 0, -1};
      return new Transform(context, tile, cos[quarterTurns], sin[quarterTurns], mirror, dx, dy);
    }

    void resampleImage(float[] source, float[] target, int offset) {
      double ct = (tile - 1) / 2.0;
      double cc = (context - 1) / 2.0;
      for (int v = 0; v < tile; v++) {
        for (int u = 0; u < tile; u++) {
          double qx = mirror ? ct - u : u - ct;
          double qy = v - ct;
          double sx = cc + dx + qx * cos - qy * sin;
          double sy = cc + dy + qx * sin + qy * cos;
          target[offset + v * tile + u] = (float) bilinear(source, sx, sy);
        }
      }
    }

    void resampleMask(byte[] source, float[] target, int offset) {
      float[] values = new float[source.length];
      for (int i = 0; i < source.length; i++) {
        values[i] = source[i];
      }
      resampleImage(values, target, offset);
      for (int p = offset; p < offset + tile * tile; p++) {
        target[p] = target[p] >= 0.5f ? 1f : 0f;
      }
    }

    private double bilinear(float[] source, double x, double y) {
      int x0 = (int) Math.floor(x);
      int y0 = (int) Math.floor(y);
      double fx = x - x0;
      double fy = y - y0;
      double top = (1 - fx) * at(source, x0, y0) + fx * at(source, x0 + 1, y0);
      double bottom = (1 - fx) * at(source, x0, y0 + 1) + fx * at(source, x0 + 1, y0 + 1);
      return (1 - fy) * top + fy * bottom;
    }

    private float at(float[] source, int x, int y) {
      int cx = Math.min(context - 1, Math.max(0, x));
      int cy = Math.min(context - 1, Math.max(0, y));
      return source[cy * context + cx];
    }
  }
}
