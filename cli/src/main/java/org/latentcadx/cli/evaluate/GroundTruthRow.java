package org.latentcadx.cli.evaluate;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One abnormality of a description CSV.
 *
 * @param where {@code <csv file>:<line>}, for messages
 * @param patientId the {@code patient_id} column
 * @param abnormalityId the {@code abnormality id} column (empty text when absent)
 * @param type the {@code abnormality type} column
 * @param pathology the {@code pathology} column, lower case (empty text when absent)
 * @param image the full mammogram, resolved
 * @param roiMask the hand-drawn outline mask, resolved
 * @param latentMask the true-lesion mask of synthetic data, resolved, when the CSV has that column
 */
public record GroundTruthRow(
    String where,
    String patientId,
    String abnormalityId,
    LesionType type,
    String pathology,
    Path image,
    Path roiMask,
    Optional<Path> latentMask) {}
