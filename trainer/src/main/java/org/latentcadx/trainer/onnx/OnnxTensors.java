package org.latentcadx.trainer.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.latentcadx.trainer.model.FloatArray;

/** Float tensors of ONNX graphs (initializers) to and from their values. */
public final class OnnxTensors {
  private OnnxTensors() {}

  /** A float tensor named {@code name} holding {@code value}, as little-endian raw data. */
  public static TensorProto of(String name, FloatArray value) {
    ByteBuffer bytes = ByteBuffer.allocate(value.values().length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(value.values());
    TensorProto.Builder tensor =
        TensorProto.newBuilder()
            .setName(name)
            .setDataType(TensorProto.DataType.FLOAT_VALUE)
            .setRawData(ByteString.copyFrom(bytes.array()));
    for (long d : value.shape()) {
      tensor.addDims(d);
    }
    return tensor.build();
  }

  /** The values of a float tensor, stored as raw data or as float data. */
  public static FloatArray values(TensorProto tensor) {
    long[] shape = tensor.getDimsList().stream().mapToLong(Long::longValue).toArray();
    if (tensor.getFloatDataCount() > 0) {
      float[] values = new float[tensor.getFloatDataCount()];
      for (int i = 0; i < values.length; i++) {
        values[i] = tensor.getFloatData(i);
      }
      return new FloatArray(shape, values);
    }
    FloatBuffer buffer = tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    float[] values = new float[buffer.remaining()];
    buffer.get(values);
    return new FloatArray(shape, values);
  }
}
