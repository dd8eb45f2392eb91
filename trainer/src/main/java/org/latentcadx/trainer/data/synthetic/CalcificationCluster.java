package org.latentcadx.trainer.data.synthetic;

import java.util.Random;
import org.latentcadx.trainer.data.LesionType;
import org.latentcadx.trainer.data.Pathology;

/**
 * A cluster of calcifications: a few to dozens of bright specks 1–3 px across (downsampled scale),
 * round or elongated, spread in a disc (clustered), along a line (linear) or in a wedge (segmental).
 * The latent truth is the specks themselves.
 */
final class CalcificationCluster implements Lesion {

  /** The calcification morphologies the generator draws, with CBIS-DDSM's names. */
  enum CalcType {
    PUNCTATE(0.5, 0.8, 1.0, 1.3, 0.15),
    ROUND_AND_REGULAR(0.8, 1.5, 1.0, 1.2, 0.1),
    AMORPHOUS(0.5, 1.0, 1.0, 1.5, 0.35),
    PLEOMORPHIC(0.5, 1.5, 1.0, 2.5, 0.75),
    FINE_LINEAR_BRANCHING(0.5, 0.8, 2.0, 3.5, 0.9);

    final double radiusMin;
    final double radiusMax;
    final double elongationMin;
    final double elongationMax;
    final double malignantChance;

    CalcType(double rMin, double rMax, double eMin, double eMax, double malignant) {
      radiusMin = rMin;
      radiusMax = rMax;
      elongationMin = eMin;
      elongationMax = eMax;
      malignantChance = malignant;
    }
  }

  /** How the specks are spread, with CBIS-DDSM's names. */
  enum Distribution {
    CLUSTERED,
    LINEAR,
    SEGMENTAL
  }

  /** Speck parameters: x, y, radius, elongation, orientation, brightness. */
  private final double[][] specks;

  private final double cx;
  private final double cy;
  private final double blur;
  private final double extent;
  private final Facts facts;

  private CalcificationCluster(
      double cx, double cy, CalcType calcType, Distribution distribution, GeneratorOptions options,
      double pixelSize, Random random) {
    this.blur = 0.4 * pixelSize;
    int count = (int) options.calcCount().draw(random);
    double spread = options.calcSpread().draw(random);
    double direction = random.nextDouble() * Math.PI;
    double brightnessLow = calcType == CalcType.AMORPHOUS ? 0.05 : options.calcContrast().min();
    double brightnessHigh = calcType == CalcType.AMORPHOUS ? 0.1 : options.calcContrast().max();
    double brightness = uniform(random, brightnessLow, brightnessHigh);
    double size = options.calcSize().draw(random);
    specks = new double[count][];
    double sumX = 0;
    double sumY = 0;
    for (int i = 0; i < count; i++) {
      double[] offset = offset(distribution, spread, direction, random);
      double elongation = uniform(random, calcType.elongationMin, calcType.elongationMax);
      double orientation =
          calcType == CalcType.FINE_LINEAR_BRANCHING
              ? direction + random.nextGaussian() * 0.5
              : random.nextDouble() * Math.PI;
      specks[i] =
          new double[] {
            cx + offset[0], cy + offset[1], size * uniform(random, calcType.radiusMin, calcType.radiusMax),
            elongation, orientation, brightness * uniform(random, 0.6, 1.2)
          };
      sumX += specks[i][0];
      sumY += specks[i][1];
    }
    this.cx = sumX / count;
    this.cy = sumY / count;
    double far = 0;
    for (double[] s : specks) {
      far = Math.max(far, Math.max(Math.abs(s[0] - this.cx), Math.abs(s[1] - this.cy)) + 4 * s[2] * s[3] + 3);
    }
    this.extent = far;
    Pathology pathology = LesionAttributes.pathology(random, calcType.malignantChance);
    double relativeContrast =
options.calcContrast().position(brightness);
    CbisAttributes attributes =
        new CbisAttributes(
            calcType.name(),
            distribution.name(),
            LesionAttributes.assessment(random, pathology),
            LesionAttributes.subtlety(relativeContrast * Math.min(1, count / 15.0), false));
    this.facts = new Facts(LesionType.CALCIFICATION, pathology, this.cx, this.cy, this.extent, attributes);
  }

  /**
   * A random cluster around {@code (cx, cy)}; {@code pixelSize} is the render grid's pixel edge in
   * downsampled units (specks are pre-filtered by it so that small ones never fall between pixels).
   */
  static CalcificationCluster random(
      double cx, double cy, GeneratorOptions options, double pixelSize, Random random) {
    CalcType[] types = CalcType.values();
    CalcType calcType = types[random.nextInt(types.length)];
    double d = random.nextDouble();
    Distribution distribution =
        d < 0.7 ? Distribution.CLUSTERED : d < 0.85 ? Distribution.LINEAR : Distribution.SEGMENTAL;
    return new CalcificationCluster(cx, cy, calcType, distribution, options, pixelSize, random);
  }

  private static double[] offset(Distribution distribution, double spread, double direction, Random random) {
    double along;
    double across;
    switch (distribution) {
      case LINEAR -> {
        along = (2 * random.nextDouble() - 1) * spread * 1.5;
        across = random.nextGaussian() * spread * 0.12;
      }
      case SEGMENTAL -> {
        double r = spread * 1.4 * Math.sqrt(random.nextDouble());
        double a = (random.nextDouble() - 0.5) * 0.8;
        along = r * Math.cos(a) - spread * 0.7;
        across = r * Math.sin(a);
      }
      default -> {
        double r = spread * Math.sqrt(random.nextDouble());
        double a = random.nextDouble() * 2 * Math.PI;
        along = r * Math.cos(a);
        across = r * Math.sin(a);
      }
    }
    double c = Math.cos(direction);
    double s = Math.sin(direction);
    return new double[] {along * c - across * s, along * s + across * c};
  }

  private static double uniform(Random random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }

  /** Squared elliptic distance of a point from a speck, in units of the speck's semi-axes (plus blur). */
  private static double ellipticDistance2(double[] speck, double x, double y, double blur) {
    double dx = x - speck[0];
    double dy = y - speck[1];
    double c = Math.cos(speck[4]);
    double s = Math.sin(speck[4]);
    double u = dx * c + dy * s;
    double v = -dx * s + dy * c;
    double a = speck[2] * speck[3] + blur;
    double b = speck[2] + blur;
    return (u * u) / (a * a) + (v * v) / (b * b);
  }

  @Override
  public double intensity(double x, double y) {
    double sum = 0;
    for (double[] speck : specks) {
      double dx = x - speck[0];
      double dy = y - speck[1];
      double reach = 3 * (speck[2] * speck[3] + blur);
      if (Math.abs(dx) < reach && Math.abs(dy) < reach) {
        sum += speck[5] * Math.exp(-1.2 * Math.pow(ellipticDistance2(speck, x, y, blur), 1.5));
      }
    }
    return sum;
  }

  @Override
  public void paintLatent(RenderGrid grid, byte[] mask) {
    for (double[] speck : specks) {
      double reach = speck[2] * speck[3] + 1;
      MaskPainter.paint(
          grid, speck[0], speck[1], reach, (x, y) -> ellipticDistance2(speck, x, y, 0) <= 1, mask);
      mask[grid.row(speck[1]) * grid.width() + grid.column(speck[0])] = 1;
    }
  }

  @Override
  public Facts facts() {
    return facts;
  }
}
