package org.latentcadx.trainer.train;

import org.latentcadx.trainer.data.PatchBatch;

/** The region loss terms written out with plain loops, as an independent check of the graph. */
final class ReferenceLoss {
  private ReferenceLoss() {}

  /** {L_inb, L_oob} for masks [B, T, T] against the batch's outlines. */
  static double[] inbOob(double[] mask, PatchBatch batch) {
    int plane = batch.tileSize() * batch.tileSize();
    double inb = 0;
    double oob = 0;
    for (int b = 0; b < batch.size(); b++) {
      double in = 0, inCount = 0, out = 0, outCount = 0;
      for (int p = b * plane; p < (b + 1) * plane; p++) {
        if (batch.outlineMasks()[p] > 0.5f) {
          in += (1 - mask[p]) * (1 - mask[p]);
          inCount++;
        } else {
          out += mask[p] * mask[p];
          outCount++;
        }
      }
      inb += inCount == 0 ? 0 : in / inCount;
      oob += outCount == 0 ? 0 : out / outCount;
    }
    return new double[] {inb / batch.size(), oob / batch.size()};
  }
}
