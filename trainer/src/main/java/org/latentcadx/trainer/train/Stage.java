package org.latentcadx.trainer.train;

import java.util.EnumSet;
import java.util.Set;
import org.latentcadx.trainer.model.Part;

/** The training stages, run in declaration order. */
public enum Stage {
  /** Encoder with classification and region-proposal heads; loss α·CE + CE of the 8×8 cells. */
  R(EnumSet.of(Part.ENCODER, Part.CLASSIFIER, Part.REGION_PROPOSAL)),
  /** Encoder and classifier frozen, decoder trained; mask terms weighted 1. */
  L1(EnumSet.of(Part.DECODER)),
  /** Everything but the region-proposal head trained with the full loss. */
  L2(EnumSet.of(Part.ENCODER, Part.CLASSIFIER, Part.DECODER));

  private final Set<Part> trainable;

  Stage(Set<Part> trainable) {
    this.trainable = trainable;
  }

  /**
   * The parts whose variables the optimiser updates. Batch norm runs in training mode exactly in these
   * parts; frozen parts use (and keep) their moving statistics.
   */
  public Set<Part> trainableParts() {
    return EnumSet.copyOf(trainable);
  }

  /** Whether the stage trains the mask decoder. */
  public boolean trainsMask() {
    return this != R;
  }
}
