package org.latentcadx.trainer.data;

import java.util.Locale;

/** The mammographic view (CBIS-DDSM's {@code image view} column). */
public enum View {
  /** Cranio-caudal. */
  CC,
  /** Medio-lateral oblique. */
  MLO;

  /** The view named by a CBIS-DDSM cell ({@code CC} or {@code MLO}, any case). */
  public static View fromCbis(String cell) {
    return valueOf(cell.strip().toUpperCase(Locale.ROOT));
  }
}
