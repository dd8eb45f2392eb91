package org.latentcadx.trainer.data.synthetic;

import org.latentcadx.trainer.data.LesionType;
import org.latentcadx.trainer.data.Pathology;

/** A synthetic lesion: how it changes grey levels and which pixels are truly lesion. */
sealed interface Lesion permits MassLesion, CalcificationCluster {

  /** What the lesion is and where. */
  Facts facts();

  /** Added grey level (before the breast-thickness factor) at a point. */
  double intensity(double x, double y);

  /**
   * Paints the latent-truth mask (1 = lesion) on {@code grid}; every lesion paints at least one pixel.
   */
  void paintLatent(RenderGrid grid, byte[] mask);

  /**
   * What a lesion is and where.
   *
   * @param type mass or calcification
   * @param pathology benign or malignant
   * @param centreX centre of the lesion, downsampled pixel units
   * @param centreY centre row
   * @param extent half-edge of a square around the centre outside which the lesion changes nothing
   * @param attributes the CBIS-DDSM description
   */
  record Facts(
      LesionType type, Pathology pathology, double centreX, double centreY, double extent,
      CbisAttributes attributes) {}

  /**
   * CBIS-DDSM's per-abnormality description cells.
   *
   * @param shapeOrCalcType mass shape, or calc type
   * @param marginsOrDistribution mass margins, or calc distribution
   * @param assessment BI-RADS assessment 0–5
   * @param subtlety 1 (subtle) – 5 (obvious)
   */
  record CbisAttributes(String shapeOrCalcType, String marginsOrDistribution, int assessment, int subtlety) {}
}
