package org.latentcadx.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.latentcadx.trainer.data.PatchBatch;

/**
 * The consistency term sees masks that alternate row by row (the graph computes the same term: {@link
 * StageGraphTest#studyMaskTermsFollowTheirDefinition}).
 */
class PairwiseConsistencyTest {

  @Test
  void aMaskAlternatingRowByRowOnAFlatImageIsPenalised() {
    int tile = 8;
    double[] stripes = new double[tile * tile];
    for (int p = 0; p < stripes.length; p++) {
      stripes[p] = (p / tile) % 2;
    }
    PatchBatch flat =
        new PatchBatch(tile, new int[] {0}, new float[tile * tile], new float[tile * tile],
            new float[tile * tile], new float[] {1}, new boolean[] {true});

    // vertical pairs 1 apart all differ by 1; the other three distance/direction terms are 0
    assertThat(ReferenceLoss.pairwise(stripes, flat, 0.05)).isEqualTo(0.25);
  }
}
