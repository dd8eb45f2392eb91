package org.latentcadx.trainer.model;

/** The part of the network a node belongs to; training stages choose which parts they update. */
public enum Part {
  /** The ResNet backbone. */
  ENCODER,
  /** Global pooling, dense layer and softmax giving the patch probability. */
  CLASSIFIER,
  /** The 8×8×2 region-proposal head, used only in pre-training (stage R). */
  REGION_PROPOSAL,
  /** The five-block up-sampling decoder giving the mask. */
  DECODER
}
