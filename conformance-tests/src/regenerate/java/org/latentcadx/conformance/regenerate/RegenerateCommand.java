package org.latentcadx.conformance.regenerate;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.latentcadx.conformance.GoldenFiles;
import org.latentcadx.conformance.GoldenFormat;
import org.latentcadx.trainer.model.Architecture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Regenerates golden sets from the independent engines, or with {@code --check} regenerates them into
 * a temporary folder and fails unless every committed file is reproduced byte for byte. Run through
 * the {@code regenerate} Maven profile (README.md).
 */
@Command(name = "regenerate", mixinStandardHelpOptions = true)
public final class RegenerateCommand implements Callable<Integer> {

  private static final String GOLDENS = "src/main/resources/" + GoldenFiles.CLASSPATH_ROOT;
  private static final String MODELS = "../onnx-models/src/main/resources/org/latentcadx/models/";

  @Option(names = "--module-dir", required = true, description = "The conformance-tests folder.")
  private Path moduleDir;

  @Option(names = "--all", description = "Every set in sets.json plus " + SeededModel.SET + " (default).")
  private boolean all;

  @Option(names = "--seeded", description = "The untrained seeded set " + SeededModel.SET + ".")
  private boolean seeded;

  @Option(
      names = "--bundled",
      paramLabel = "NAME",
      description = "A set for the model bundled in onnx-models as NAME.onnx (set name NAME).")
  private List<String> bundled = new ArrayList<>();

  @Option(
      names = "--architecture",
      defaultValue = "lite",
      description = "Trainer preset of the --bundled models (default: ${DEFAULT-VALUE}).")
  private String architecture;

  @Option(names = "--check", description = "Regenerate into a temporary folder and compare byte for byte.")
  private boolean check;

  @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Interpreter with scikit-learn and onnx.")
  private Path python;

  @Override
  public Integer call() throws IOException {
    Path committed = moduleDir.resolve(GOLDENS);
    Path target = check ? Files.createTempDirectory("latentcadx-goldens-") : committed;
    List<String> sets = chosenSets(committed);
    for (String set : sets) {
      generate(set, target, committed);
    }
    writeSetsIndex(target, committed, sets);
    if (!check) {
      System.out.println("regenerated " + sets + " under " + committed);
      return 0;
    }
    List<String> differences = new ArrayList<>();
    for (String set : sets) {
      differences.addAll(compareTrees(target.resolve(set), committed.resolve(set), set));
    }
    differences.forEach(d -> System.out.println("DIFFERS " + d));
    System.out.println(
        differences.isEmpty()
            ? "reproduced " + sets + " byte for byte"
            : differences.size() + " files differ from the committed goldens (regenerated under " + target + ")");
    return differences.isEmpty() ? 0 : 1;
  }

  private List<String> chosenSets(Path committed) {
    TreeSet<String> sets = new TreeSet<>();
    if (seeded) {
      sets.add(SeededModel.SET);
    }
    sets.addAll(bundled);
    if (all || sets.isEmpty()) {
      sets.add(SeededModel.SET);
      if (Files.exists(committed.resolve(GoldenFormat.SETS))) {
        sets.addAll(GoldenFiles.folder(committed).sets());
      }
    }
    return List.copyOf(sets);
  }

  private void generate(String set, Path target, Path committed) throws IOException {
    GoldenWriter writer = new GoldenWriter(target, set);
    byte[] onnx;
    String architectureName;
    String modelFile = null;
    String bundledModel = null;
    String modelRef;
    String description;
    if (set.equals(SeededModel.SET)) {
      onnx = SeededModel.export();
      architectureName = "lite";
      modelFile = "model.onnx";
      modelRef = "../model.onnx";
      writer.bytes(modelFile, onnx);
      description =
          "Untrained lite model, weights seeded with " + SeededModel.SEED + "; stands in until a trained model is bundled.";
    } else {
      onnx = Files.readAllBytes(moduleDir.resolve(MODELS + set + ".onnx"));
      architectureName = bundled.contains(set) ? architecture : existingArchitecture(committed, set);
      bundledModel = set;
      modelRef = "classpath:" + org.latentcadx.sdk.ModelSource.CLASSPATH_FOLDER + set + ".onnx";
      description = "Bundled model " + set + " from latentcadx-onnx-models.";
    }
    ReferenceModel model = ReferenceModel.of(onnx, Architecture.preset(architectureName));
    new GoldenSetGenerator(model, writer, python, moduleDir.resolve("tools/sklearn_goldens.py"))
        .generate(
            modelRef,
            new GoldenFormat.Manifest(
                set,
                description,
                modelFile,
                bundledModel,
                Hashing.sha256().hashBytes(onnx).toString(),
                Map.of("architecture", architectureName),
                List.of()));
  }

  private static String existingArchitecture(Path committed, String set) {
    return GoldenFiles.folder(committed)
        .manifest(set)
        .references()
        .get("architecture");
  }

  private static void writeSetsIndex(Path target, Path committed, List<String> sets) throws IOException {
    TreeSet<String> all = new TreeSet<>(sets);
    if (Files.exists(committed.resolve(GoldenFormat.SETS))) {
      all.addAll(GoldenFiles.folder(committed).sets());
    }
    Files.createDirectories(target);
    Files.write(target.resolve(GoldenFormat.SETS), GoldenFormat.toJson(List.copyOf(all)));
  }

  /** Files that are missing, extra or different in {@code actual} compared with {@code expected}. */
  private static List<String> compareTrees(Path actual, Path expected, String set) throws IOException {
    TreeSet<Path> files = new TreeSet<>();
    for (Path root : List.of(actual, expected)) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(Files::isRegularFile).map(root::relativize).forEach(files::add);
        }
      }
    }
    List<String> differences = new ArrayList<>();
    for (Path file : files) {
      Path a = actual.resolve(file);
      Path e = expected.resolve(file);
      if (!Files.exists(e)) {
        differences.add(set + "/" + file + " (not committed)");
      } else if (!Files.exists(a)) {
        differences.add(set + "/" + file + " (committed but no longer generated)");
      } else if (Files.mismatch(a, e) != -1) {
        differences.add(set + "/" + file);
      }
    }
    return differences;
  }

  public static void main(String[] args) {
    int code = new CommandLine(new RegenerateCommand()).execute(args);
    if (code != 0) {
      // exec:java runs inside Maven: fail the build rather than exit its JVM.
      throw new IllegalStateException("regenerate failed with exit code " + code);
    }
  }
}
