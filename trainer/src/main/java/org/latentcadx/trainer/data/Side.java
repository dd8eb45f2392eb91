package org.latentcadx.trainer.data;

import java.util.Locale;

/** Which breast an image shows (CBIS-DDSM's {@code left or right breast} column). */
public enum Side {
  LEFT,
  RIGHT;

  /** The side named by a CBIS-DDSM cell ({@code LEFT} or {@code RIGHT}, any case). */
  public static Side fromCbis(String cell) {
    return valueOf(cell.strip().toUpperCase(Locale.ROOT));
  }
}
