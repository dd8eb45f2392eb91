package org.latentcadx.trainer.data;

/** What a patch shows: one of CBIS-DDSM's two abnormality types, or healthy tissue. */
public enum LesionType {
  MASS,
  CALCIFICATION,
  /** A sliding-window patch of a normal mammogram (a negative). */
  NORMAL;

  /**
   * The type named by a CBIS-DDSM {@code abnormality type} cell ({@code mass} or {@code calcification},
   * any case, surrounding whitespace ignored).
   */
  public static LesionType fromCbis(String cell) {
    return switch (cell.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "mass" -> MASS;
      case "calcification", "calc" -> CALCIFICATION;
      default -> throw new IllegalArgumentException(
          "abnormality type '" + cell + "' is neither 'mass' nor 'calcification'");
    };
  }

  /** The spelling of CBIS-DDSM's {@code abnormality type} column. */
  public String cbisName() {
    return switch (this) {
      case MASS -> "mass";
      case CALCIFICATION -> "calcification";
      case NORMAL -> throw new IllegalStateException("normal images have no CBIS-DDSM abnormality row");
    };
  }
}
