package org.latentcadx.trainer.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Blood vessels: a few thin, gently curving tubes running from near the chest wall towards the
 * nipple, rendered as Gaussian-profile lines of slightly higher density.
 */
final class Vessels {

  /** Polyline points: x, y, profile sigma, contrast. */
  private final List<double[]> points = new ArrayList<>();

  Vessels(BreastAnatomy anatomy, int height, Random random) {
    int count = 2 + random.nextInt(4);
    double[] nipple = anatomy.nipple();
    for (int v = 0; v < count; v++) {
      double d = anatomy.depth() * (0.02 + 0.2 * random.nextDouble());
      double x = anatomy.columnAt(d);
      double y = anatomy.centreY() + (2 * random.nextDouble() - 1) * 0.7 * anatomy.halfHeight();
      y = Math.min(height - 1, Math.max(1, y));
      double heading = Math.atan2(nipple[1] - y, nipple[0] - x) + random.nextGaussian() * 0.3;
      double sigma = 0.6 + 0.7 * random.nextDouble();
      double contrast = 0.02 + 0.03 * random.nextDouble();
      double length = anatomy.depth() * (0.5 + 0.4 * random.nextDouble());
      for (double s = 0; s < length && anatomy.radius(x, y) < 0.97; s += 0.5) {
        double taper = 1 - 0.5 * s / length;
        points.add(new double[] {x, y, sigma * taper, contrast * taper});
        double toNipple = Math.atan2(nipple[1] - y, nipple[0] - x);
        heading += random.nextGaussian() * 0.04 + 0.01 * Math.sin(toNipple - heading);
        x += 0.5 * Math.cos(heading);
        y += 0.5 * Math.sin(heading);
      }
    }
  }

  /** The vessels' added grey level on {@code grid}, row-major. */
  float[] render(RenderGrid grid) {
    float[] map = new float[grid.width() * grid.height()];
    for (double[] p : points) {
      double reach = 3 * p[2];
      int c0 = grid.column(p[0] - reach);
      int c1 = grid.column(p[0] + reach);
      int r0 = grid.row(p[1] - reach);
      int r1 = grid.row(p[1] + reach);
      double inv = 1 / (2 * p[2] * p[2]);
      for (int r = r0; r <= r1; r++) {
        double dy = grid.y(r) - p[1];
        for (int c = c0; c <= c1; c++) {
          double dx = grid.x(c) - p[0];
          float value = (float) (p[3] * Math.exp(-(dx * dx + dy * dy) * inv));
          int i = r * grid.width() + c;
          if (value > map[i]) {
            map[i] = value;
          }
        }
      }
    }
    return map;
  }
}
