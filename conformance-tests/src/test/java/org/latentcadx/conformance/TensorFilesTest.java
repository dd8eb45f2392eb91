package org.latentcadx.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.TensorProto;
import org.junit.jupiter.api.Test;

class TensorFilesTest {

  @Test
  void roundTripsEveryElementType() {
    for (Tensor tensor :
        new Tensor[] {
          Tensor.ofFloats(new long[] {1, 3}, new float[] {0.1f, -2, Float.MIN_VALUE}),
          Tensor.ofDoubles(new long[0], new double[] {0.1}),
          Tensor.ofLongs(new long[] {2, 2}, new long[] {0, 1L << 40, -3, 7})
        }) {
      assertThat(TensorFiles.read(TensorFiles.write("t", tensor), "t")).isEqualTo(tensor);
    }
  }

  @Test
  void readsTypedFieldsAsWellAsRawData() {
    byte[] typed =
        TensorProto.newBuilder()
            .setDataType(TensorProto.DataType.FLOAT_VALUE)
            .addDims(2)
            .addFloatData(1.5f)
            .addFloatData(-1)
            .build()
            .toByteArray();
    assertThat(TensorFiles.read(typed, "typed"))
        .isEqualTo(Tensor.ofFloats(new long[] {2}, new float[] {1.5f, -1}));
  }

  @Test
  void refusesOtherElementTypesNamingTheFile() {
    byte[] strings =
        TensorProto.newBuilder().setDataType(TensorProto.DataType.STRING_VALUE).build().toByteArray();
    assertThatThrownBy(() -> TensorFiles.read(strings, "case/output_0.pb"))
        .hasMessageContaining("case/output_0.pb holds a TensorProto of data type 8");
  }
}
