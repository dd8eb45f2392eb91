package org.latentcadx.conformance;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.latentcadx.sdk.Device;
import org.latentcadx.sdk.ExecutionProvider;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.internal.inference.SessionFactory;
import org.latentcadx.sdk.internal.model.ModelContract;

/**
 * Patch cases: runs the model on {@code input_0.pb} ({@code [N, 1, T, T]}) in an ONNX Runtime session
 * opened by the SDK for the chosen device, and compares {@code probability} ({@code output_0.pb}, [N])
 * and {@code mask} ({@code output_1.pb}, [N, 1, T, T]) with the TensorFlow goldens.
 */
final class PatchCaseRunner {

  static final int PROBABILITY = 0;
  static final int MASK = 1;

  private PatchCaseRunner() {}

  static List<CheckResult> run(
      GoldenFiles files, String caseFolder, int dataSets, byte[] model, String modelName, Device device)
      throws LatentCadxException, OrtException {
    SessionFactory.CreatedSession created = new SessionFactory(device, 1, 1).create(model, modelName);
    boolean gpu = created.provider() == ExecutionProvider.CUDA;
    List<CheckResult> results = new ArrayList<>();
    try (OrtSession session = created.session()) {
      ModelContract contract =
          ModelContract.parse(session.getMetadata().getCustomMetadata(), modelName);
      for (int set = 0; set < dataSets; set++) {
        String name = caseFolder + "/test_data_set_" + set;
        String inputFile = GoldenFormat.input(caseFolder, set, 0);
        Tensor input = TensorFiles.read(files.read(inputFile), inputFile);
        Tensor[] actual = run(session, contract, input);
        results.add(check(files, name, caseFolder, set, PROBABILITY, "probability", actual[0], gpu));
        results.add(check(files, name, caseFolder, set, MASK, "mask", actual[1], gpu));
      }
    }
    return results;
  }

  private static Tensor[] run(OrtSession session, ModelContract contract, Tensor input)
      throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input.floats()), input.shape());
        OrtSession.Result result = session.run(Map.of(contract.inputName(), x))) {
      return new Tensor[] {
        read(result, contract.probabilityOutputName()), read(result, contract.maskOutputName())
      };
    }
  }

  private static Tensor read(OrtSession.Result result, String name) throws OrtException {
    OnnxTensor tensor = (OnnxTensor) result.get(name).orElseThrow();
    FloatBuffer buffer = tensor.getFloatBuffer();
    float[] values = new float[buffer.remaining()];
    buffer.get(values);
    return Tensor.ofFloats(tensor.getInfo().getShape(), values);
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
