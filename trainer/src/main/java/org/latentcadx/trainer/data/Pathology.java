package org.latentcadx.trainer.data;

import java.util.Locale;

/** CBIS-DDSM's pathology of an abnormality, or {@link #NONE} for normal tissue. */
public enum Pathology {
  BENIGN,
  /** Benign, and the patient was not called back (CBIS-DDSM's own category). */
  BENIGN_WITHOUT_CALLBACK,
  MALIGNANT,
  NONE;

  /** The pathology named by a CBIS-DDSM {@code pathology} cell (any case, whitespace ignored). */
  public static Pathology fromCbis(String cell) {
    String name = cell.strip().toUpperCase(Locale.ROOT);
    for (Pathology p : values()) {
      if (p != NONE && p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "pathology '" + cell + "' is not one of BENIGN, BENIGN_WITHOUT_CALLBACK, MALIGNANT");
  }
}
