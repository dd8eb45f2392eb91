package org.latentcadx.conformance;

import java.util.ArrayList;
import java.util.List;
import org.latentcadx.sdk.ExecutionProvider;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LesionDetector;

/**
 * Patch cases: runs the model on {@code input_0.pb} ({@code [N, 1, T, T]}) through the detector's
 * {@link LesionDetector#scoreTiles} (the SDK's own batched inference on the chosen device), and compares {@code probability} ({@code output_0.pb}, [N])
 * and {@code mask} ({@code output_1.pb}, [N, 1, T, T]) with the TensorFlow goldens.
 */
final class PatchCaseRunner {

  static final int PROBABILITY = 0;
  static final int MASK = 1;

  private PatchCaseRunner() {}

  static List<CheckResult> run(GoldenFiles files, String caseFolder, int dataSets, LesionDetector detector)
      throws LatentCadxException {
    boolean gpu = detector.executionProvider() == ExecutionProvider.CUDA;
    int tile = detector.modelInfo().tileSize();
    List<CheckResult> results = new ArrayList<>();
    for (int set = 0; set < dataSets; set++) {
      String name = caseFolder + "/test_data_set_" + set;
      String inputFile = GoldenFormat.input(caseFolder, set, 0);
      Tensor input = TensorFiles.read(files.read(inputFile), inputFile);
      LesionDetector.TileScores scores = detector.scoreTiles(input.floats());
      long tiles = scores.probabilities().length;
      Tensor probability = Tensor.ofFloats(new long[] {tiles}, scores.probabilities());
      Tensor mask = Tensor.ofFloats(new long[] {tiles, 1, tile, tile}, scores.masks());
      results.add(check(files, name, caseFolder, set, PROBABILITY, "probability", probability, gpu));
      results.add(check(files, name, caseFolder, set, MASK, "mask", mask, gpu));
    }
    return results;
  }

  private static CheckResult check(
      GoldenFiles files, String name, String caseFolder, int set, int output, String check,
      Tensor actual, boolean gpu) {
    String file = GoldenFormat.output(caseFolder, set, output);
    Tensor expected = TensorFiles.read(files.read(file), file);
    return TensorComparison.compare(
        name, check, expected, actual, TolerancePolicy.MODEL_OUTPUT.tolerance(gpu));
  }
}
