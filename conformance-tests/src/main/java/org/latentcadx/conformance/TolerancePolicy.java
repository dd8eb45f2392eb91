package org.latentcadx.conformance;

/**
 * The tolerance of each kind of check, for CPU and for GPU execution providers. TOLERANCES.md states
 * and justifies every number; this class is the only place they are written in code.
 */
public enum TolerancePolicy {
  /** Model outputs and what is computed from them by floating-point blending: masks, maps, probabilities. */
  MODEL_OUTPUT(new Tolerance(1e-3, 1e-5), new Tolerance(1e-2, 1e-3)),
  /** Normalised, downsampled image: float32 arithmetic on the CPU only. */
  PREPROCESSING(new Tolerance(1e-5, 1e-6), new Tolerance(1e-5, 1e-6)),
  /** Counts and pixel positions that must not change: tile origins, lesion count, confusion counts. */
  EXACT(Tolerance.EXACT, Tolerance.EXACT),
  /** Lesion bounding boxes: each edge within one pixel. */
  LESION_BOX(new Tolerance(0, 1), new Tolerance(0, 1)),
  /** Lesion areas, in map pixels: 2 % or one pixel. */
  LESION_AREA(new Tolerance(2e-2, 1), new Tolerance(2e-2, 1)),
  /** Metrics recomputed in double precision from the same inputs as scikit-learn. */
  METRIC(new Tolerance(1e-9, 1e-12), new Tolerance(1e-9, 1e-12));

  private final Tolerance cpu;
  private final Tolerance gpu;

  TolerancePolicy(Tolerance cpu, Tolerance gpu) {
    this.cpu = cpu;
    this.gpu = gpu;
  }

  /** The tolerance on a GPU execution provider ({@code gpu}) or on the CPU. */
  public Tolerance tolerance(boolean gpu) {
    return gpu ? this.gpu : cpu;
  }
}
