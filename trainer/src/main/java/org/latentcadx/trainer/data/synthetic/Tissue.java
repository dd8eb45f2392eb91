package org.latentcadx.trainer.data.synthetic;

import java.util.Random;

/**
 * The density of breast tissue at a point, before the thickness fall-off at the skin: fat, with
 * fibroglandular tissue where a power-law texture exceeds a density-dependent threshold (more of it
 * behind the nipple, none in the subcutaneous fat), and pectoral muscle.
 */
final class Tissue {

  /** Texture threshold per BI-RADS density 1 (fatty) … 4 (extremely dense). */
  private static final double[] THRESHOLD = {1.5, 0.8, 0.1, -0.6};

  private final BreastAnatomy anatomy;
  private final Field coarse;
  private final Field ducts;
  private final Field fine;
  private final Field fibres;
  private final double threshold;
  private final double fat;
  private final double gland;
  private final double muscle;
  private final double skinWidth;
  private final double[] nipple;
  private final double towardsChestWall;

  Tissue(
      BreastAnatomy anatomy, Field coarse, Field ducts, Field fine, Field fibres, int density, Random random) {
    this.anatomy = anatomy;
    this.coarse = coarse;
    this.ducts = ducts;
    this.fine = fine;
    this.fibres = fibres;
    this.threshold = THRESHOLD[density - 1] + 0.3 * random.nextGaussian();
    this.fat = 0.3 + 0.06 * random.nextDouble();
    this.gland = fat + 0.2 + 0.08 * random.nextDouble();
    this.muscle = fat + 0.17 + 0.07 * random.nextDouble();
    this.skinWidth = 2.0 / Math.min(anatomy.depth(), anatomy.halfHeight());
    this.nipple = anatomy.nipple();
    this.towardsChestWall = anatomy.columnAt(0) < nipple[0] ? -1 : 1;
  }

  /** Tissue density at a point of normalised breast radius {@code rho}. */
  double density(double x, double y, double rho) {
    double texture = (0.7 * coarse.sample(x, y) + 0.45 * ductTexture(x, y)) / 0.83;
    double a = anatomy.chestWallDistance(x) / anatomy.depth();
    double b = (y - anatomy.centreY()) / anatomy.halfHeight();
    double along = (a - 0.45) / 0.5;
    double across = b / 0.7;
    double bias = Math.max(-2, 1 - along * along - across * across);
    double glandular = 1 / (1 + Math.exp(-(texture + bias - threshold) / 0.5));
    glandular *= 1 - BreastAnatomy.smoothStep((rho - 0.84) / 0.08);
    double grain = fine.sample(x, y);
    double tissue = fat + (gland - fat) * glandular + (0.005 + 0.012 * glandular) * grain;
    double pectoral = anatomy.pectoral(x, y);
    if (pectoral == 0) {
      return tissue;
    }
    double striation = 0.025 * fibres.sample(y * 0.5, x * 3) + 0.02 * grain;
    return tissue * (1 - pectoral) + (muscle + striation) * pectoral;
  }

  /** Texture stretched along lines through the nipple (ducts and Cooper's ligaments converge there). */
  private double ductTexture(double x, double y) {
    double dx = x - nipple[0];
    double dy = y - nipple[1];
    double along = Math.sqrt(dx * dx + dy * dy);
    double angle = Math.atan2(dy, towardsChestWall * dx);
    return ducts.sample(along * 0.25, angle * 500) * BreastAnatomy.smoothStep(along / 60 - 1);
  }

  /** The brighter skin line just inside the breast edge. */
  double skin(double rho) {
    if (rho >= 1) {
      return 0;
    }
    double d = (1 - rho) / skinWidth;
    return 0.05 * Math.exp(-d * d);
  }
}
