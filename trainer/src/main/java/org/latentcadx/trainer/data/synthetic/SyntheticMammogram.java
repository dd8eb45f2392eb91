package org.latentcadx.trainer.data.synthetic;

import java.util.List;
import org.latentcadx.trainer.data.Side;
import org.latentcadx.trainer.data.View;

/**
 * One generated mammogram.
 *
 * @param width pixels per row (at the generated scale)
 * @param height rows
 * @param scale 1 when generated at the downsampled scale, 4 at the original scale
 * @param pixels row-major 16-bit grey levels (unsigned in a short; brighter = denser), BitsStored 16
 * @param side breast side
 * @param view view
 * @param density BI-RADS breast density 1–4
 * @param lesions the lesions with their masks, empty for a normal image
 */
record SyntheticMammogram(
    int width, int height, int scale, short[] pixels, Side side, View view, int density, List<RenderedLesion> lesions) {

  /**
   * A lesion with its masks on the image grid.
   *
   * @param lesion the lesion model
   * @param latentMask row-major, 1 = truly lesion
   * @param outlineMask row-major, 1 = inside the hand-drawn outline
   * @param outlineCutsIn whether the outline was designed to cut into the lesion
   */
  record RenderedLesion(Lesion lesion, byte[] latentMask, byte[] outlineMask, boolean outlineCutsIn) {}
}
