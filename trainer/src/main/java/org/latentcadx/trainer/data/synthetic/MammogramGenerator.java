package org.latentcadx.trainer.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.latentcadx.trainer.data.LesionType;
import org.latentcadx.trainer.data.Side;
import org.latentcadx.trainer.data.View;

/**
 * Renders one synthetic mammogram from a seed: breast outline and thickness, fibroglandular texture
 * (power-law noise, part of it stretched along ducts converging on the nipple), pectoral muscle on MLO
 * views, vessels, lesions, skin line and detector noise.
 *
 * <p>Grey levels are linear in density (brighter = denser) on a 16-bit scale: air ≈ 0.03, fat ≈ 0.33,
 * fibroglandular tissue ≈ 0.57, muscle ≈ 0.62 of 65535 before the detector's gain and offset; masses
 * and calcifications add the contrasts of {@link GeneratorOptions}.
 */
final class MammogramGenerator {

  private static final double AIR = 0.03;

  private final GeneratorOptions options;

  MammogramGenerator(GeneratorOptions options) {
    this.options = options;
  }

  /**
   * Generates an image.
   *
   * @param lesionTypes the lesions to place (empty for a normal image)
   * @param seed everything random about the image follows from it
   */
  SyntheticMammogram generate(Side side, View view, int density, List<LesionType> lesionTypes, long seed) {
    Random random = new UnsharedRandom(seed);
    int w = options.width();
    int h = options.height();
    BreastAnatomy anatomy = new BreastAnatomy(w, h, side, view, random);
    Field[] coarse = PowerLawNoise.pair(w, h, 2, options.textureBeta().draw(random), random);
    Field[] fine = PowerLawNoise.pair(w, h, 1, 2.2, random);
    RenderGrid grid = new RenderGrid(w * options.scale(), h * options.scale(), options.scale());
    Tissue tissue = new Tissue(anatomy, coarse[0], coarse[1], fine[0], fine[1], density, random);
    List<Lesion> lesions = placeLesions(anatomy, lesionTypes, random);
    float[] vessels =
        options.vessels() ? new Vessels(anatomy, h, random).render(grid) : new float[grid.width() * grid.height()];
    double noise = options.noise().draw(random) * (options.scale() == 1 ? 1 : 2);
    double gain = options.gain().draw(random);
    double offset = options.offset().draw(random);
    SplittableRandom detector = new SplittableRandom(random.nextLong());
    short[] pixels = new short[grid.width() * grid.height()];
    for (int r = 0; r < grid.height(); r++) {
      double y = grid.y(r);
      for (int c = 0; c < grid.width(); c++) {
        double x = grid.x(c);
        int i = r * grid.width() + c;
        double value;
        double rho = anatomy.radius(x, y);
        double thickness = BreastAnatomy.thickness(rho);
        if (thickness == 0) {
          value = AIR + 0.004 * fine[0].sample(x, y);
        } else {
          double density1 = tissue.density(x, y, rho) + vessels[i];
          for (Lesion lesion : lesions) {
            Lesion.Facts f = lesion.facts();
            if (Math.abs(x - f.centreX()) < f.extent() && Math.abs(y - f.centreY()) < f.extent()) {
              density1 += lesion.intensity(x, y);
            }
          }
          value = AIR + (density1 - AIR) * thickness + tissue.skin(rho);
        }
        value = offset + gain * value + noise * detector.nextGaussian();
        pixels[i] = (short) Math.round(Math.min(1, Math.max(0, value)) * 65535);
      }
    }
    List<SyntheticMammogram.RenderedLesion> rendered = new ArrayList<>();
    for (Lesion lesion : lesions) {
      rendered.add(outline(grid, lesion, random));
    }
    return new SyntheticMammogram(grid.width(), grid.height(), grid.scale(), pixels, side, view, density, rendered);
  }

  private SyntheticMammogram.RenderedLesion outline(RenderGrid grid, Lesion lesion, Random random) {
    byte[] latent = new byte[grid.width() * grid.height()];
    lesion.paintLatent(grid, latent);
    Lesion.Facts facts = lesion.facts();
    boolean mass = facts.type() == LesionType.MASS;
    double margin =
        mass
            ? options.massMargin().draw(random)
            : options.calcMargin().draw(random);
    boolean cutIn = random.nextDouble() < options.cutShare();
    HandDrawnOutline outline =
        HandDrawnOutline.around(
            grid, latent, facts.centreX(), facts.centreY(), facts.extent(), margin, mass ? 12 : 40,
            options.outlineWobble().draw(random), cutIn, random);
    byte[] mask = new byte[latent.length];
    outline.paint(grid, mask);
    return new SyntheticMammogram.RenderedLesion(lesion, latent, mask, outline.cutsIn());
  }

  private List<Lesion> placeLesions(BreastAnatomy anatomy, List<LesionType> types, Random random) {
    List<Lesion> lesions = new ArrayList<>();
    for (LesionType type : types) {
      double[] centre = freeSpot(anatomy, lesions, random);
      lesions.add(
          switch (type) {
            case MASS -> {
              MassLesion.Shape[] shapes = MassLesion.Shape.values();
              yield MassLesion.random(
                  centre[0], centre[1], shapes[random.nextInt(shapes.length)], options, random);
            }
            case CALCIFICATION ->
                CalcificationCluster.random(centre[0], centre[1], options, 1.0 / options.scale(), random);
            case NORMAL -> throw new IllegalArgumentException("NORMAL is not a lesion type to place");
          });
    }
    return lesions;
  }

  /** A point well inside the breast, off the pectoral muscle and away from the other lesions. */
  private double[] freeSpot(BreastAnatomy anatomy, List<Lesion> others, Random random) {
    double best[] = null;
    for (int attempt = 0; attempt < 1000; attempt++) {
      double x = anatomy.columnAt(anatomy.depth() * uniform(random, 0.15, 0.8));
      double y = uniform(random, 60, options.height() - 60);
      if (anatomy.radius(x, y) > 0.72 || anatomy.pectoral(x, y) > 0.05) {
        continue;
      }
      best = new double[] {x, y};
      boolean apart = true;
      for (Lesion other : others) {
        apart &= Math.hypot(x - other.facts().centreX(), y - other.facts().centreY()) > 150;
      }
      if (apart) {
        return best;
      }
    }
    if (best == null) {
      throw new IllegalStateException("no room for a lesion in a " + options.width() + "×" + options.height() + " breast");
    }
    return best;
  }

  private static double uniform(Random random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }
}
