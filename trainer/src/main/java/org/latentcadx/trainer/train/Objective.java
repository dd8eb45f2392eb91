package org.latentcadx.trainer.train;

/** How the mask is supervised. */
public enum Objective {
  /** LatentCADx: β·L_inb + γ·L_oob against the hand-drawn outline. */
  LATENT,
  /**
   * The annotation-supervised baseline: per-pixel binary cross-entropy against the outline mask, as
   * U-Net/FCN were trained in the paper's comparison.
   */
  BASELINE
}
