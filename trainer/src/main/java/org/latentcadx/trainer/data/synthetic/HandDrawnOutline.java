package org.latentcadx.trainer.data.synthetic;

import java.util.Random;

/**
 * A simulated hand-drawn ROI outline: a smooth closed contour around a lesion, star-shaped about the
 * lesion centre, at a random, wobbling distance outside the lesion. Optionally (the "careless" share)
 * the contour dips into the lesion over one angular sector.
 *
 * <p>Construction: the lesion's angular extent {@code e(θ)} is measured on its painted latent mask
 * (every pixel square counts with its farthest corner, over all the angles it covers), widened by one
 * angular bin, smoothed with a circular Gaussian and lifted until it is again ≥ the widened extent
 * everywhere; a positive margin with low-order wobble and a little tremor is added. Because the contour
 * is linearly interpolated between bins and each bin is ≥ the extent of its neighbours, every latent
 * pixel centre lies inside the contour unless it was designed to cut in.
 */
final class HandDrawnOutline {

  private static final int BINS = 720;
  private static final double BIN = 2 * Math.PI / BINS;

  private final double cx;
  private final double cy;
  private final double[] radius;
  private final double extent;
  private final boolean cutsIn;

  private HandDrawnOutline(double cx, double cy, double[] radius, boolean cutsIn) {
    this.cx = cx;
    this.cy = cy;
    this.radius = radius;
    this.cutsIn = cutsIn;
    double max = 0;
    for (double r : radius) {
      max = Math.max(max, r);
    }
    this.extent = max + 1;
  }

  /**
   * Draws an outline around the lesion painted in {@code latent} (searched within {@code lesionExtent}
   * of the centre).
   *
   * @param meanMargin mean gap between lesion and outline
   * @param smoothingDegrees angular smoothing of the lesion extent (larger = coarser, rounder outline)
   * @param wobbleScale multiplier of the outline's low-frequency irregularity (1 = a typical hand)
   * @param cutIn whether the outline should dip into the lesion
   */
  static HandDrawnOutline around(
      RenderGrid grid, byte[] latent, double cx, double cy, double lesionExtent, double meanMargin,
      double smoothingDegrees, double wobbleScale, boolean cutIn, Random random) {
    double[] lesion = widen(angularExtent(grid, latent, cx, cy, lesionExtent));
    double[] smooth = smooth(lesion, smoothingDegrees / 360 * BINS);
    double lift = 0;
    for (int b = 0; b < BINS; b++) {
      lift = Math.max(lift, lesion[b] - smooth[b]);
    }
    double[] wobble = new double[12];
    for (int k = 0; k < 3; k++) {
      wobble[2 * k] = (2 * random.nextDouble() - 1) * 0.35 * wobbleScale / (k + 1);
      wobble[2 * k + 1] = random.nextDouble() * 2 * Math.PI;
    }
    for (int k = 3; k < 6; k++) {
      wobble[2 * k] = (2 * random.nextDouble() - 1) * 0.03;
      wobble[2 * k + 1] = random.nextDouble() * 2 * Math.PI;
    }
    double[] radius = new double[BINS];
    for (int b = 0; b < BINS; b++) {
      double theta = (b + 0.5) * BIN;
      double w = 1;
      for (int k = 0; k < 6; k++) {
        int harmonic = k < 3 ? k + 1 : k + 6;
        w += wobble[2 * k] * Math.cos(harmonic * theta + wobble[2 * k + 1]);
      }
      radius[b] = smooth[b] + lift + meanMargin * Math.max(0.2, w);
    }
    if (cutIn) {
      cutInto(radius, lesion, smooth, random);
    }
    return new HandDrawnOutline(cx, cy, radius, cutIn);
  }

  /** Pulls the contour to well inside the lesion over a sector around one of its far-reaching angles. */
  private static void cutInto(double[] radius, double[] lesion, double[] smooth, Random random) {
    double max = 0;
    for (double e : lesion) {
      max = Math.max(max, e);
    }
    int centre;
    do {
      centre = random.nextInt(BINS);
    } while (lesion[centre] < 0.7 * max);
    int halfWidth = (int) Math.round((25 + 35 * random.nextDouble()) / 360 * BINS);
    double depth = 0.4 + 0.35 * random.nextDouble();
    for (int o = -halfWidth; o <= halfWidth; o++) {
      int b = Math.floorMod(centre + o, BINS);
      double bump = 0.5 * (1 + Math.cos(Math.PI * o / halfWidth));
      double target = depth * Math.min(smooth[b], lesion[b]);
      radius[b] -= bump * (radius[b] - target);
    }
  }

  /** For each angular bin, the farthest distance from the centre reached by a latent pixel square. */
  private static double[] angularExtent(
      RenderGrid grid, byte[] latent, double cx, double cy, double lesionExtent) {
    double[] extent = new double[BINS];
    double h = 0.5 / grid.scale();
    int c0 = grid.column(cx - lesionExtent);
    int c1 = grid.column(cx + lesionExtent);
    int r0 = grid.row(cy - lesionExtent);
    int r1 = grid.row(cy + lesionExtent);
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        if (latent[r * grid.width() + c] == 0) {
          continue;
        }
        double px = grid.x(c) - cx;
        double py = grid.y(r) - cy;
        double far = Math.hypot(Math.abs(px) + h, Math.abs(py) + h);
        if (Math.abs(px) <= h && Math.abs(py) <= h) {
          for (int b = 0; b < BINS; b++) {
            extent[b] = Math.max(extent[b], far);
          }
          continue;
        }
        double mid = Math.atan2(py, px);
        double low = 0;
        double high = 0;
        for (int corner = 0; corner < 4; corner++) {
          double qx = px + ((corner & 1) == 0 ? -h : h);
          double qy = py + ((corner & 2) == 0 ? -h : h);
          double delta = wrap(Math.atan2(qy, qx) - mid);
          low = Math.min(low, delta);
          high = Math.max(high, delta);
        }
        int first = (int) Math.floor((mid + low) / BIN);
        int last = (int) Math.floor((mid + high) / BIN);
        for (int b = first; b <= last; b++) {
          int bin = Math.floorMod(b, BINS);
          extent[bin] = Math.max(extent[bin], far);
        }
      }
    }
    return extent;
  }

  private static double wrap(double angle) {
    double a = angle;
    while (a > Math.PI) {
      a -= 2 * Math.PI;
    }
    while (a <= -Math.PI) {
      a += 2 * Math.PI;
    }
    return a;
  }

  private static double[] widen(double[] extent) {
    double[] wide = new double[BINS];
    for (int b = 0; b < BINS; b++) {
      wide[b] =
          Math.max(extent[b], Math.max(extent[Math.floorMod(b - 1, BINS)], extent[(b + 1) % BINS]));
    }
    return wide;
  }

  private static double[] smooth(double[] values, double sigmaBins) {
    int reach = (int) Math.ceil(3 * sigmaBins);
    double[] kernel = new double[2 * reach + 1];
    double total = 0;
    for (int o = -reach; o <= reach; o++) {
      kernel[o + reach] = Math.exp(-0.5 * o * o / (sigmaBins * sigmaBins));
      total += kernel[o + reach];
    }
    double[] out = new double[BINS];
    for (int b = 0; b < BINS; b++) {
      double sum = 0;
      for (int o = -reach; o <= reach; o++) {
        sum += kernel[o + reach] * values[Math.floorMod(b + o, BINS)];
      }
      out[b] = sum / total;
    }
    return out;
  }

  /** Whether the outline was designed to cut into its lesion. */
  boolean cutsIn() {
    return cutsIn;
  }

  /** Whether a point (downsampled units) is inside the outline. */
  boolean contains(double x, double y) {
    double dx = x - cx;
    double dy = y - cy;
    double theta = Math.atan2(dy, dx);
    double t = (theta < 0 ? theta + 2 * Math.PI : theta) / BIN - 0.5;
    int b0 = (int) Math.floor(t);
    double f = t - b0;
    double r = (1 - f) * radius[Math.floorMod(b0, BINS)] + f * radius[Math.floorMod(b0 + 1, BINS)];
    return dx * dx + dy * dy <= r * r;
  }

  /** Paints the filled outline (1 = inside) on {@code grid}. */
  void paint(RenderGrid grid, byte[] mask) {
    MaskPainter.paint(grid, cx, cy, extent, this::contains, mask);
  }
}
