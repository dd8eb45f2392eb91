package org.latentcadx.trainer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Adds the patches of further stores (more synthetic patients, from other generator seeds) to a store as
 * training patches: every patch of the base store keeps its fold, so its validation fold stays exactly
 * what it was, and the added patients are dealt over the other folds only. An added patient's identifier
 * is prefixed with its store's folder name ({@code extra14/P_00001}), so patients of different stores
 * never merge; its source image stays relative to that store's own data folder.
 */
@Command(
    name = "merge-stores",
    mixinStandardHelpOptions = true,
    description = "Add further stores' patches to a store's training folds.")
public final class MergeStoresCommand implements Callable<Integer> {

  @Option(names = "--store", required = true, description = "The base store; its folds are kept.")
  Path store;

  @Option(names = "--add", required = true, arity = "1..*", description = "Stores whose patches become training patches.")
  List<Path> added;

  @Option(names = "--validation-fold", defaultValue = "0", description = "Fold that receives no added patient (${DEFAULT-VALUE}).")
  int validationFold;

  @Option(names = "--fold-seed", defaultValue = "1", description = "Seed of the added patients' fold assignment (${DEFAULT-VALUE}).")
  long foldSeed;

  @Option(names = "--output", required = true, description = "The merged store's directory.")
  Path output;

  public static void main(String[] args) {
    System.exit(new CommandLine(new MergeStoresCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PatchStore base = PatchStore.open(store);
    if (base.folds() < 2 || validationFold < 0 || validationFold >= base.folds()) {
      throw new CommandLine.ParameterException(
          new CommandLine(this),
          "--validation-fold must be a fold of the base store's " + base.folds() + " (and it needs ≥ 2)");
    }
    List<PatchStore> sources = new ArrayList<>();
    for (Path path : added) {
      PatchStore source = PatchStore.open(path);
      if (source.tileSize() != base.tileSize() || source.contextSize() != base.contextSize()) {
        throw new IOException(
            path + ": tiles of " + source.tileSize() + " px in windows of " + source.contextSize()
                + " px; the base store has " + base.tileSize() + " in " + base.contextSize());
      }
      sources.add(source);
    }
    try (PatchStoreWriter writer =
        PatchStoreWriter.create(output, base.tileSize(), base.contextSize(), base.folds())) {
      for (int i = 0; i < base.size(); i++) {
        writer.add(base.patch(i));
      }
      for (int s = 0; s < sources.size(); s++) {
        addAsTraining(sources.get(s), added.get(s).getFileName() + "/", base.folds(), writer);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(output.resolve(StoreIndex.INDEX_FILE)); // a failed store must not look complete
      throw e;
    }
    PatchStore merged = PatchStore.open(output);
    System.out.printf("%s holds %d patches: %d of %s and %d added%n", output, merged.size(), base.size(), store,
        merged.size() - base.size());
    System.out.print(StoreSummary.table(merged));
    return 0;
  }

  private void addAsTraining(PatchStore source, String prefix, int folds, PatchStoreWriter writer)
      throws IOException {
    Set<String> patients = new LinkedHashSet<>();
    source.records().forEach(r -> patients.add(prefix + r.patientId()));
    Map<String, Integer> trainingFold = PatientFolds.assign(patients, folds - 1, foldSeed);
    for (int i = 0; i < source.size(); i++) {
      Patch patch = source.patch(i);
      PatchRecord r = patch.record();
      String patient = prefix + r.patientId();
      int k = trainingFold.get(patient);
      int fold = k < validationFold ? k : k + 1;
      PatchRecord record =
          new PatchRecord(fold, r.type(), r.pathology(), patient, r.sourceImage(), r.centreX(), r.centreY(),
              r.latentKnown());
      writer.add(new Patch(record, patch.size(), patch.image(), patch.outline(), patch.latent()));
    }
  }
}
