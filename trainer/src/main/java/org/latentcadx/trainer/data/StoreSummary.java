package org.latentcadx.trainer.data;

import java.util.Map;
import java.util.TreeMap;

/** Counts of a store's patches per fold and lesion type, as a text table. */
public final class StoreSummary {

  private StoreSummary() {}

  /** A table with one row per fold (plus a total) and one column per lesion type. */
  public static String table(PatchStore store) {
    Map<Integer, int[]> counts = new TreeMap<>();
    int[] total = new int[LesionType.values().length];
    for (PatchRecord r : store.records()) {
      counts.computeIfAbsent(r.fold(), f -> new int[LesionType.values().length])[r.type().ordinal()]++;
      total[r.type().ordinal()]++;
    }
    StringBuilder out = new StringBuilder(String.format("%-6s", "fold"));
    for (LesionType t : LesionType.values()) {
      out.append(String.format("%15s", t.name().toLowerCase(java.util.Locale.ROOT)));
    }
    out.append(String.format("%10s%n", "all"));
    counts.forEach((fold, c) -> row(out, Integer.toString(fold), c));
    row(out, "total", total);
    return out.toString();
  }

  private static void row(StringBuilder out, String label, int[] counts) {
    out.append(String.format("%-6s", label));
    int all = 0;
    for (int c : counts) {
      out.append(String.format("%15d", c));
      all += c;
    }
    out.append(String.format("%10d%n", all));
  }
}
