package org.latentcadx.trainer.train;

import java.util.stream.IntStream;
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

  /**
   * {L_inb, L_oob, pairwise} for masks [B, T, T] under {@code loss}, written out with plain loops:
   * the in-outline pixels pushed up are the ⌈f·|A|⌉ of highest mask value (ties at the threshold all
   * count), and the pairwise term is the mean over horizontal and vertical pairs at the pair
   * dilation.
   */
  static double[] terms(double[] mask, PatchBatch batch, MaskLoss loss) {
    int tile = batch.tileSize();
    int plane = tile * tile;
    double inbSum = 0, oobSum = 0, inbMeans = 0, oobMeans = 0;
    int lesionPatches = 0;
    for (int b = 0; b < batch.size(); b++) {
      int base = b * plane;
      double[] inside =
          IntStream.range(base, base + plane)
              .filter(p -> batch.outlineMasks()[p] > 0.5f)
              .mapToDouble(p -> mask[p])
              .sorted()
              .toArray();
      double threshold = Double.NEGATIVE_INFINITY;
      if (inside.length > 0 && loss.multipleInstance()) {
        int rank = Math.max((int) Math.ceil(loss.topFraction() * inside.length) - 1, 0);
        threshold = inside[inside.length - 1 - rank];
      }
      double in = 0, inCount = 0, out = 0, outCount = 0;
      for (int p = base; p < base + plane; p++) {
        if (batch.outlineMasks()[p] > 0.5f) {
          if (mask[p] >= threshold) {
            in += (1 - mask[p]) * (1 - mask[p]);
            inCount++;
          }
        } else {
          out += mask[p] * mask[p];
          outCount++;
        }
      }
      inbSum += in;
      oobSum += out;
      inbMeans += inCount == 0 ? 0 : in / inCount;
      oobMeans += outCount == 0 ? 0 : out / outCount;
      lesionPatches += inside.length > 0 ? 1 : 0;
    }
    double inb =
        switch (loss.weighting()) {
          case PAPER_REGION_MEANS -> inbMeans / batch.size();
          case REGION_MEANS -> inbMeans / Math.max(lesionPatches, 1);
          case PIXELS -> inbSum / ((double) batch.size() * plane);
        };
    double oob =
        loss.weighting() == MaskLoss.Weighting.PIXELS
            ? oobSum / ((double) batch.size() * plane)
            : oobMeans / batch.size();
    return new double[] {inb, oob, pairwise(mask, batch, loss.pairwiseSigma())};
  }

  /** The consistency term as its definition says, by loops: equal weight per distance and direction. */
  static double pairwise(double[] mask, PatchBatch batch, double sigma) {
    int tile = batch.tileSize();
    double total = 0;
    for (int d : MaskLoss.PAIR_DILATIONS) {
      double[] sums = new double[2];
      for (int b = 0; b < batch.size(); b++) {
        for (int y = 0; y < tile; y++) {
          for (int x = 0; x < tile; x++) {
            int p = (b * tile + y) * tile + x;
            if (x + d < tile) {
              sums[0] += pair(mask, batch.images(), p, p + d, sigma);
            }
            if (y + d < tile) {
              sums[1] += pair(mask, batch.images(), p, p + d * tile, sigma);
            }
          }
        }
      }
      double pairsPerAxis = (double) batch.size() * tile * (tile - d);
      total += sums[0] / pairsPerAxis + sums[1] / pairsPerAxis;
    }
    return total / (2 * MaskLoss.PAIR_DILATIONS.length);
  }

  private static double pair(double[] mask, float[] images, int i, int j, double sigma) {
    double di = images[j] - images[i];
    double dm = mask[j] - mask[i];
    return Math.exp(-di * di / (2 * sigma * sigma)) * dm * dm;
  }
}
