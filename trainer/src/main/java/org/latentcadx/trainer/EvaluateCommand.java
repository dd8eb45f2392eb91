package org.latentcadx.trainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentcadx.trainer.data.PatchStore;
import org.latentcadx.trainer.eval.PatchEvaluator;
import org.latentcadx.trainer.eval.PatchPredictions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Evaluates exported models on the held-out patches of a store (centre tiles, ONNX Runtime) and
 * prints the paper-style tables as Markdown.
 */
@Command(
    name = "evaluate-patches",
    mixinStandardHelpOptions = true,
    description = "Paper-style patch metrics of ONNX models on held-out folds of a patch store.")
public final class EvaluateCommand implements Callable<Integer> {

  @Option(names = "--store", required = true, description = "Patch store directory.")
  Path store;

  @Option(names = "--model", required = true, arity = "1..*", description = "ONNX model file(s).")
  Path[] models;

  @Option(names = "--folds", arity = "1..*", defaultValue = "0", description = "Held-out folds (${DEFAULT-VALUE}).")
  int[] folds;

  @Option(names = "--batch-size", defaultValue = "16", description = "Patches per ONNX Runtime run (${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--output", description = "Also write the Markdown to this file.")
  Path output;

  public static void main(String[] args) {
    System.exit(new CommandLine(new EvaluateCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PatchStore patches = PatchStore.open(store);
    int[] indices = patches.indicesInFolds(folds);
    StringBuilder md = new StringBuilder();
    for (Path model : models) {
      PatchPredictions predictions =
          PatchEvaluator.run(Files.readAllBytes(model), patches, indices, batchSize);
      md.append(predictions.markdown(model.getFileName().toString())).append("\n");
    }
    System.out.print(md);
    if (output != null) {
      Files.writeString(output, md);
    }
    return 0;
  }
}
