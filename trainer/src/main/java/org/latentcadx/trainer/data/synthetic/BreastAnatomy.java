package org.latentcadx.trainer.data.synthetic;

import java.util.Random;
import org.latentcadx.trainer.data.Side;
import org.latentcadx.trainer.data.View;

/**
 * The shape of a compressed breast in the image plane, in downsampled pixel units: a skin line that
 * curves from the chest wall out to the nipple and back, the compressed thickness falling to zero at the
 * skin, and for MLO views the pectoral muscle in the upper chest-wall corner. The chest wall is the left
 * image edge for a left breast and the right edge for a right breast.
 */
final class BreastAnatomy {

  private final int width;
  private final Side side;
  private final View view;
  private final double depth;
  private final double halfHeight;
  private final double centreY;
  private final double tiltCos;
  private final double tiltSin;
  /** Skin-line wobble: per harmonic 2…5, the cos and sin coefficients (and a spare slot). */
  private final double[] wobble;
  private final double pectoralWidth;
  private final double pectoralHeight;
  private final double pectoralBend;

  BreastAnatomy(int width, int height, Side side, View view, Random random) {
    this.width = width;
    this.side = side;
    this.view = view;
    if (view == View.CC) {
      depth = width * uniform(random, 0.55, 0.82);
      halfHeight = height * uniform(random, 0.33, 0.44);
      centreY = height * uniform(random, 0.46, 0.54);
      tiltCos = 1;
      tiltSin = 0;
      pectoralWidth = 0;
      pectoralHeight = 0;
      pectoralBend = 1;
    } else {
      depth = width * uniform(random, 0.55, 0.8);
      halfHeight = height * uniform(random, 0.5, 0.62);
      centreY = height * uniform(random, 0.5, 0.58);
      double tilt = Math.toRadians(uniform(random, 8, 22));
      tiltCos = Math.cos(tilt);
      tiltSin = Math.sin(tilt);
      pectoralWidth = width * uniform(random, 0.22, 0.4);
      pectoralHeight = height * uniform(random, 0.35, 0.6);
      pectoralBend = uniform(random, 0.7, 1.0);
    }
    wobble = new double[12];
    for (int k = 0; k < wobble.length; k += 3) {
      double amplitude = random.nextGaussian() * 0.012 / (1 + k / 3);
      double phase = random.nextDouble() * 2 * Math.PI;
      wobble[k] = amplitude * Math.cos(phase);
      wobble[k + 1] = -amplitude * Math.sin(phase);
    }
  }

  private static double uniform(Random random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }

  /** Distance from the chest wall. */
  double chestWallDistance(double x) {
    return side == Side.LEFT ? x : width - x;
  }

  /** Image column of a point at distance {@code d} from the chest wall. */
  double columnAt(double d) {
    return side == Side.LEFT ? d : width - d;
  }

  /**
   * Normalised elliptic radius of a point: 0 at the chest-wall centre, 1 on the skin line, above 1 in
   * air.
   */
  double radius(double x, double y) {
    double cx = chestWallDistance(x);
    double cy = y - centreY;
    double u = (cx * tiltCos + cy * tiltSin) / depth;
    double v = (-cx * tiltSin + cy * tiltCos) / halfHeight;
    double r = Math.sqrt(u * u + v * v);
    if (r == 0) {
      return 0;
    }
    // w = 1 + Σ a_k cos(kθ + φ_k) for k = 2…5, with cos/sin of kθ by complex multiplication
    double c1 = u / r;
    double s1 = v / r;
    double ck = c1 * c1 - s1 * s1;
    double sk = 2 * c1 * s1;
    double w = 1;
    for (int k = 0; k < wobble.length; k += 3) {
      w += wobble[k] * ck + wobble[k + 1] * sk;
      double next = ck * c1 - sk * s1;
      sk = sk * c1 + ck * s1;
      ck = next;
    }
    return u < 0 ? Math.abs(v) / w : r / w;
  }

  /** Relative compressed thickness: 1 inside, falling to 0 at the skin line, 0 in air. */
  static double thickness(double radius) {
    if (radius >= 1) {
      return 0;
    }
    double r2 = radius * radius;
    double r8 = r2 * r2 * r2 * r2;
    return Math.sqrt(1 - r8);
  }

  /** Weight in [0, 1] of the pectoral muscle at a point (0 for CC views). */
  double pectoral(double x, double y) {
    if (view == View.CC || y >= pectoralHeight) {
      return 0;
    }
    double edge = pectoralWidth * Math.pow(1 - y / pectoralHeight, pectoralBend);
    double d = chestWallDistance(x);
    return smoothStep((edge - d) / 6.0);
  }

  /** Distance from the chest wall to the nipple. */
  double depth() {
    return depth;
  }

  /** The nipple, the breast's outermost point on its axis. */
  double[] nipple() {
    double d = depth * tiltCos;
    double y = centreY + depth * tiltSin;
    return new double[] {columnAt(d), y};
  }

  double centreY() {
    return centreY;
  }

  double halfHeight() {
    return halfHeight;
  }

  /** 0 below −1, 1 above 1, smooth in between. */
  static double smoothStep(double t) {
    double c = Math.min(1, Math.max(0, (t + 1) / 2));
    return c * c * (3 - 2 * c);
  }
}
