package org.latentcadx.cli.evaluate;

import java.util.Locale;

/** The abnormality types of CBIS-DDSM's {@code abnormality type} column. */
public enum LesionType {
  MASS,
  CALCIFICATION;

  /** Parses {@code mass} or {@code calcification} (any case, surrounding blanks ignored). */
  static LesionType parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "mass" -> MASS;
      case "calcification", "calc" -> CALCIFICATION;
      default -> throw new IllegalArgumentException(
          "abnormality type '" + text + "' is neither 'mass' nor 'calcification'");
    };
  }

  /** The lower-case name used in reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
