package org.latentcadx.trainer.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import org.latentcadx.trainer.model.Architecture;
import org.latentcadx.trainer.model.FloatArray;
import org.latentcadx.trainer.model.Network;
import org.latentcadx.trainer.model.Weights;
import org.latentcadx.trainer.tf.TfInference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TensorFlow (the oracle) and ONNX Runtime agree on the exported graph. */
class OnnxParityTest {

  @ParameterizedTest
  @ValueSource(strings = {"lite", "lite-deep", "lite-deep-max", "lite-deep-wide", "lite-deep-wide-decoder", "lite-deep-whitened", "resnet54"})
  void onnxRuntimeMatchesTensorFlow(String preset) throws OrtException {
    Architecture architecture = Architecture.preset(preset);
    Network network = architecture.network();
    Weights weights = TestWeights.withRandomStatistics(network, 7);
    FloatArray patches = TestPatches.randomAndLesion(architecture.tileSize(), 11);

    FloatArray[] tf = runTensorFlow(network, weights, patches);
    byte[] model =
        new OnnxExporter(network, weights)
            .export("test", List.of(Architecture.PROBABILITY, Architecture.MASK), Map.of())
            .toByteArray();
    FloatArray[] ort = runOnnxRuntime(model, patches);

    assertThat(ort[0].maxAbsDifference(tf[0])).isLessThan(1e-4);
    assertThat(ort[1].values()).hasSize(tf[1].values().length);
    assertThat(new FloatArray(tf[1].shape(), ort[1].values()).maxAbsDifference(tf[1]))
        .isLessThan(1e-4);
    System.out.printf("%s: probability %s, max |diff| %.3g / %.3g%n", preset,
        java.util.Arrays.toString(tf[0].values()), ort[0].maxAbsDifference(tf[0]),
        new FloatArray(tf[1].shape(), ort[1].values()).maxAbsDifference(tf[1]));
  }

  /** Probability [N] and mask [N, T, T, 1] from TensorFlow in inference mode. */
  static FloatArray[] runTensorFlow(Network network, Weights weights, FloatArray patches) {
    try (TfInference inference = new TfInference(network, weights)) {
      TfInference.Outputs out = inference.run(patches);
      return new FloatArray[] {out.probabilities(), out.masks()};
    }
  }

  /** Probability [N] and mask [N, 1, T, T] from ONNX Runtime; the input is NCHW with C = 1. */
  static FloatArray[] runOnnxRuntime(byte[] model, FloatArray patches) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    long[] nhwc = patches.shape();
    long[] nchw = {nhwc[0], 1, nhwc[1], nhwc[2]};
    try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
        OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(patches.values()), nchw);
        OrtSession.Result result = session.run(Map.of(Network.INPUT, x))) {
      return new FloatArray[] {read(result, Architecture.PROBABILITY), read(result, Architecture.MASK)};
    }
  }

  private static FloatArray read(OrtSession.Result result, String name) throws OrtException {
    OnnxTensor tensor = (OnnxTensor) result.get(name).orElseThrow();
    FloatBuffer buffer = tensor.getFloatBuffer();
    float[] values = new float[buffer.remaining()];
    buffer.get(values);
    return new FloatArray(tensor.getInfo().getShape(), values);
  }
}
