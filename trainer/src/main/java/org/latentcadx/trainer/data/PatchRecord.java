package org.latentcadx.trainer.data;

import java.util.Objects;

/**
 * What the store knows about one patch besides its pixels.
 *
 * @param fold cross-validation fold, {@code 0 ≤ fold < folds}; all patches of a patient share a fold
 * @param type lesion type, {@link LesionType#NORMAL} for negatives
 * @param pathology pathology of the lesion, {@link Pathology#NONE} for negatives
 * @param patientId patient identifier, e.g. {@code P_00001}
 * @param sourceImage the image the patch was cut from (path relative to the data set root)
 * @param centreX column of the patch centre in the downsampled source image (for positives the ROI's
 *     centre of mass, rounded to whole pixels)
 * @param centreY row of the patch centre in the downsampled source image
 * @param latentKnown whether the latent-truth mask is known (synthetic data); when false the stored latent
 *     mask is all zeros and must be ignored
 */
public record PatchRecord(
    int fold,
    LesionType type,
    Pathology pathology,
    String patientId,
    String sourceImage,
    int centreX,
    int centreY,
    boolean latentKnown) {

  public PatchRecord {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(pathology, "pathology");
    Objects.requireNonNull(patientId, "patientId");
    Objects.requireNonNull(sourceImage, "sourceImage");
    if (fold < 0) {
      throw new IllegalArgumentException("fold must be ≥ 0, got " + fold);
    }
    if ((type == LesionType.NORMAL) != (pathology == Pathology.NONE)) {
      throw new IllegalArgumentException(
          "type " + type + " with pathology " + pathology + ": exactly the normal patches have none");
    }
  }

  /** 1 for a lesion patch, 0 for a normal one. */
  public int label() {
    return type == LesionType.NORMAL ? 0 : 1;
  }

  /** A copy in another fold. */
  public PatchRecord withFold(int newFold) {
    return new PatchRecord(newFold, type, pathology, patientId, sourceImage, centreX, centreY, latentKnown);
  }
}
