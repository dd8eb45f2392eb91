package org.latentcadx.trainer.data.synthetic;

import java.util.Random;
import org.latentcadx.trainer.data.LesionType;
import org.latentcadx.trainer.data.Pathology;

/**
 * A mass: a star-shaped body (round, oval or lobulated outline, soft edge, slightly domed) and, for
 * spiculated masses, thin tapering spicules radiating from it. The latent truth is the body inside its
 * outline plus the spicule cores.
 */
final class MassLesion implements Lesion {

  /** The mass morphologies the generator draws. */
  enum Shape {
    ROUND,
    OVAL,
    LOBULATED,
    SPICULATED
  }

  private final double cx;
  private final double cy;
  private final double radius;
  private final double axisRatio;
  private final double orientation;
  private final double[] harmonics;
  private final double edgeWidth;
  private final double contrast;
  private final double[][] spicules;
  private final double extent;
  private final Facts facts;

  private MassLesion(double cx, double cy, Shape shape, GeneratorOptions options, Random random) {
    this.cx = cx;
    this.cy = cy;
    this.radius = options.massRadius().draw(random);
    this.axisRatio = shape == Shape.OVAL ? uniform(random, 0.5, 0.8) : uniform(random, 0.85, 1.0);
    this.orientation = random.nextDouble() * Math.PI;
    double lobulation = switch (shape) {
      case ROUND, OVAL -> 0.03;
      case LOBULATED -> 0.14;
      case SPICULATED -> 0.08;
    };
    harmonics = new double[12];
    for (int i = 0; i < harmonics.length; i += 3) {
      harmonics[i] = 2 + i / 3 + (shape == Shape.LOBULATED ? 1 : 0);
      harmonics[i + 1] = lobulation * random.nextDouble() / (1 + i / 6.0);
      harmonics[i + 2] = random.nextDouble() * 2 * Math.PI;
    }
    boolean sharp = shape != Shape.SPICULATED && random.nextDouble() < 0.5;
    this.edgeWidth = sharp ? uniform(random, 0.4, 1.0) : uniform(random, 1.5, 4.0);
    this.contrast = options.massContrast().draw(random);
    int spiculeCount = shape == Shape.SPICULATED ? 8 + random.nextInt(14) : 0;
    spicules = new double[spiculeCount][];
    double longest = 0;
    for (int i = 0; i < spiculeCount; i++) {
      double angle = random.nextDouble() * 2 * Math.PI;
      double length = radius * uniform(random, 0.4, 1.4);
      double width = uniform(random, 0.8, 2.0);
      spicules[i] = new double[] {angle, length, width};
      longest = Math.max(longest, length);
    }
    this.extent = radius * (1 + 4 * lobulation) + longest + 4 * edgeWidth + 2;
    double malignantChance = switch (shape) {
      case SPICULATED -> 0.85;
      case LOBULATED -> 0.5;
      case OVAL -> 0.3;
      case ROUND -> 0.25;
    };
    Pathology pathology = LesionAttributes.pathology(random, malignantChance);
    String cbisShape = switch (shape) {
      case ROUND -> "ROUND";
      case OVAL -> "OVAL";
      case LOBULATED -> "LOBULATED";
      case SPICULATED -> "IRREGULAR";
    };
    String margins = shape == Shape.SPICULATED ? "SPICULATED" : sharp ? "CIRCUMSCRIBED" : "ILL_DEFINED";
    double relativeContrast =
options.massContrast().position(contrast);
    CbisAttributes attributes =
        new CbisAttributes(
            cbisShape,
            margins,
            LesionAttributes.assessment(random, pathology),
            LesionAttributes.subtlety(relativeContrast, sharp));
    this.facts = new Facts(LesionType.MASS, pathology, this.cx, this.cy, this.extent, attributes);
  }

  /** A random mass of the given shape centred at {@code (cx, cy)}. */
  static MassLesion random(double cx, double cy, Shape shape, GeneratorOptions options, Random random) {
    return new MassLesion(cx, cy, shape, options, random);
  }

  private static double uniform(Random random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }

  /** Radius of the body's outline in direction {@code theta}. */
  double bodyRadius(double theta) {
    double a = theta - orientation;
    double c = Math.cos(a);
    double s = Math.sin(a);
    double r = radius * axisRatio / Math.sqrt(axisRatio * axisRatio * c * c + s * s);
    double w = 1;
    for (int i = 0; i < harmonics.length; i += 3) {
      w += harmonics[i + 1] * Math.cos(harmonics[i] * theta + harmonics[i + 2]);
    }
    return r * w;
  }

  @Override
  public double intensity(double x, double y) {
    double dx = x - cx;
    double dy = y - cy;
    if (Math.abs(dx) > extent || Math.abs(dy) > extent) {
      return 0;
    }
    double d = Math.sqrt(dx * dx + dy * dy);
    double rb = bodyRadius(Math.atan2(dy, dx));
    double body = 1 / (1 + Math.exp((d - rb) / edgeWidth));
    double dome = 1 - Math.min(1, (d * d) / (rb * rb));
    double value = body * (0.8 + 0.2 * dome);
    for (double[] spicule : spicules) {
      value = Math.max(value, 0.75 * spiculeProfile(spicule, dx, dy));
    }
    return contrast * value;
  }

  /** Spicule strength in [0, 1] at offset {@code (dx, dy)} from the centre; 0.61 at its core's edge. */
  private double spiculeProfile(double[] spicule, double dx, double dy) {
    double c = Math.cos(spicule[0]);
    double s = Math.sin(spicule[0]);
    double along = dx * c + dy * s;
    double rb = bodyRadius(spicule[0]);
    if (along < 0.5 * rb || along > rb + spicule[1]) {
      return 0;
    }
    double across = -dx * s + dy * c;
    double taper = along <= rb ? 1 : 1 - 0.7 * (along - rb) / spicule[1];
    double halfWidth = 0.5 * spicule[2] * taper;
    return Math.exp(-across * across / (2 * halfWidth * halfWidth));
  }

  private boolean latent(double x, double y) {
    double dx = x - cx;
    double dy = y - cy;
    if (Math.sqrt(dx * dx + dy * dy) <= bodyRadius(Math.atan2(dy, dx))) {
      return true;
    }
    for (double[] spicule : spicules) {
      if (spiculeProfile(spicule, dx, dy) >= 0.6) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void paintLatent(RenderGrid grid, byte[] mask) {
    MaskPainter.paint(grid, cx, cy, extent, this::latent, mask);
    mask[grid.row(cy) * grid.width() + grid.column(cx)] = 1;
  }

  @Override
  public Facts facts() {
    return facts;
  }
}
