package org.latentcadx.trainer.data;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a CBIS-DDSM description file, with its file paths resolved to existing files.
 *
 * @param patientId e.g. {@code P_00001}
 * @param density BI-RADS breast density 1–4 (0 when the cell is empty)
 * @param side breast side
 * @param view view
 * @param abnormalityId number of the abnormality within its image
 * @param type mass or calcification
 * @param pathology pathology
 * @param test whether the row came from a {@code _test_set} file
 * @param image the full mammogram
 * @param roiMask the ROI mask (hand-drawn outline), same size as the image
 * @param croppedImage the cropped lesion image, when found
 * @param latentMask the latent-truth mask (synthetic data only)
 * @param source the description file and row, for messages
 */
public record CbisAbnormality(
    String patientId,
    int density,
    Side side,
    View view,
    int abnormalityId,
    LesionType type,
    Pathology pathology,
    boolean test,
    Path image,
    Path roiMask,
    Optional<Path> croppedImage,
    Optional<Path> latentMask,
    String source) {

  public CbisAbnormality {
    Objects.requireNonNull(patientId, "patientId");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(roiMask, "roiMask");
    Objects.requireNonNull(croppedImage, "croppedImage");
    Objects.requireNonNull(latentMask, "latentMask");
  }
}
