package org.latentcadx.trainer.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latentcadx.trainer.data.LesionType;
import org.latentcadx.trainer.data.PatchStore;

/**
 * How many times each training patch enters a pass over the lesion patches under a {@link
 * FaintLesionSampling}: {@code weight} for the faintest share of each lesion type (lowest {@link
 * LesionContrast}, ties by store index), 1 for every other patch.
 *
 * @param copies copies per store index (1 for patches outside the training split)
 * @param summary what was chosen, per lesion type, for the run's log
 */
record FaintLesionCopies(int[] copies, String summary) {

  /** The copies of {@code trainIndices} in {@code store}; reads the lesion patches only when active. */
  static FaintLesionCopies of(PatchStore store, int[] trainIndices, FaintLesionSampling sampling) {
    int[] copies = new int[store.size()];
    Arrays.fill(copies, 1);
    if (!sampling.active()) {
      return new FaintLesionCopies(copies, "faint lesions: off");
    }
    Map<LesionType, List<Ranked>> byType = new EnumMap<>(LesionType.class);
    for (int i : trainIndices) {
      LesionType type = store.record(i).type();
      if (type != LesionType.NORMAL) {
        double contrast = LesionContrast.of(store.patch(i));
        if (!Double.isNaN(contrast)) {
          byType.computeIfAbsent(type, t -> new ArrayList<>()).add(new Ranked(i, contrast));
        }
      }
    }
    List<String> lines = new ArrayList<>();
    byType.forEach(
        (type, ranked) -> {
          ranked.sort(Comparator.comparingDouble(Ranked::contrast).thenComparingInt(Ranked::index));
          int faint = (int) Math.round(sampling.share() * ranked.size());
          ranked.subList(0, faint).forEach(r -> copies[r.index()] = sampling.weight());
          String cut =
              faint > 0
                  ? String.format(Locale.ROOT, " (contrast-to-noise ≤ %.2f)", ranked.get(faint - 1).contrast())
                  : "";
          lines.add(type.name().toLowerCase(Locale.ROOT) + " " + faint + " of " + ranked.size() + cut);
        });
    return new FaintLesionCopies(copies, "faint lesions ×" + sampling.weight() + ": " + String.join(", ", lines));
  }

  private record Ranked(int index, double contrast) {}
}
