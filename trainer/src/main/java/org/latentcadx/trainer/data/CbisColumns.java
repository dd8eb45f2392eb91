package org.latentcadx.trainer.data;

import java.util.List;

/**
 * The column names of CBIS-DDSM's description CSVs ({@code mass_case_description_train_set.csv} etc.),
 * spelled exactly as the official files spell them, plus this project's extra column for the latent
 * truth of synthetic data.
 */
public final class CbisColumns {

  public static final String PATIENT_ID = "patient_id";
  /** The mass files spell it with an underscore … */
  public static final String MASS_DENSITY = "breast_density";
  /** … the calcification files with a space. */
  public static final String CALC_DENSITY = "breast density";
  public static final String SIDE = "left or right breast";
  public static final String VIEW = "image view";
  public static final String ABNORMALITY_ID = "abnormality id";
  public static final String ABNORMALITY_TYPE = "abnormality type";
  public static final String MASS_SHAPE = "mass shape";
  public static final String MASS_MARGINS = "mass margins";
  public static final String CALC_TYPE = "calc type";
  public static final String CALC_DISTRIBUTION = "calc distribution";
  public static final String ASSESSMENT = "assessment";
  public static final String PATHOLOGY = "pathology";
  public static final String SUBTLETY = "subtlety";
  public static final String IMAGE_PATH = "image file path";
  public static final String CROPPED_PATH = "cropped image file path";
  public static final String ROI_MASK_PATH = "ROI mask file path";
  /** Not in CBIS-DDSM: the latent-truth mask of a synthetic lesion. */
  public static final String LATENT_MASK_PATH = "latent mask file path";

  /** Header of a mass description file (with the latent column last). */
  public static final List<String> MASS_HEADER =
      List.of(
          PATIENT_ID, MASS_DENSITY, SIDE, VIEW, ABNORMALITY_ID, ABNORMALITY_TYPE, MASS_SHAPE, MASS_MARGINS,
          ASSESSMENT, PATHOLOGY, SUBTLETY, IMAGE_PATH, CROPPED_PATH, ROI_MASK_PATH, LATENT_MASK_PATH);

  /** Header of a calcification description file (with the latent column last). */
  public static final List<String> CALC_HEADER =
      List.of(
          PATIENT_ID, CALC_DENSITY, SIDE, VIEW, ABNORMALITY_ID, ABNORMALITY_TYPE, CALC_TYPE,
          CALC_DISTRIBUTION, ASSESSMENT, PATHOLOGY, SUBTLETY, IMAGE_PATH, CROPPED_PATH, ROI_MASK_PATH,
          LATENT_MASK_PATH);

  /** The four official description files. */
  public static final List<String> DESCRIPTION_FILES =
      List.of(
          "mass_case_description_train_set.csv",
          "mass_case_description_test_set.csv",
          "calc_case_description_train_set.csv",
          "calc_case_description_test_set.csv");

  private CbisColumns() {}

  /** The description file of a lesion type and split. */
  public static String descriptionFile(LesionType type, boolean test) {
    return (type == LesionType.MASS ? "mass" : "calc") + "_case_description_" + (test ? "test" : "train")
        + "_set.csv";
  }

  /** CBIS-DDSM's folder prefix of a lesion type and split, e.g. {@code Mass-Training}. */
  public static String folderPrefix(LesionType type, boolean test) {
    return (type == LesionType.MASS ? "Mass" : "Calc") + (test ? "-Test" : "-Training");
  }
}
