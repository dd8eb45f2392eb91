package org.latentcadx.trainer.data.synthetic;

import java.util.Random;
import org.latentcadx.trainer.data.Pathology;

/** Draws the CBIS-DDSM labels that follow from a lesion's look: pathology, assessment, subtlety. */
final class LesionAttributes {

  private LesionAttributes() {}

  /** Malignant with the given chance, otherwise benign (a fifth of benign ones without callback). */
  static Pathology pathology(Random random, double malignantChance) {
    if (random.nextDouble() < malignantChance) {
      return Pathology.MALIGNANT;
    }
    return random.nextDouble() < 0.2 ? Pathology.BENIGN_WITHOUT_CALLBACK : Pathology.BENIGN;
  }

  /** BI-RADS assessment: 4–5 for malignant lesions, 2–4 for benign ones. */
  static int assessment(Random random, Pathology pathology) {
    return pathology == Pathology.MALIGNANT ? 4 + random.nextInt(2) : 2 + random.nextInt(3);
  }

  /** Subtlety 1–5 from the lesion's contrast relative to its option range (0..1) and edge sharpness. */
  static int subtlety(double relativeContrast, boolean sharp) {
    int s = 1 + (int) Math.floor(4.999 * Math.min(1, Math.max(0, relativeContrast)));
    return Math.min(5, s + (sharp ? 1 : 0));
  }
}
