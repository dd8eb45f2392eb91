package org.latentcadx.conformance;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads and writes {@link Tensor}s as serialized ONNX {@code TensorProto}s, the {@code input_K.pb} /
 * {@code output_K.pb} files of the ONNX backend-test layout. Values are written as little-endian
 * {@code raw_data} (as {@code onnx.numpy_helper.from_array} does); both {@code raw_data} and the typed
 * repeated fields are read.
 */
public final class TensorFiles {

  private TensorFiles() {}

  /** The serialized {@code TensorProto} of {@code tensor}, named {@code name}. */
  public static byte[] write(String name, Tensor tensor) {
    double[] values = tensor.values();
    ByteBuffer raw;
    DataType type;
    switch (tensor.type()) {
      case FLOAT -> {
        type = DataType.FLOAT;
        raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
          raw.putFloat((float) v);
        }
      }
      case DOUBLE -> {
        type = DataType.DOUBLE;
        raw = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
          raw.putDouble(v);
        }
      }
      case INT64 -> {
        type = DataType.INT64;
        raw = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
          raw.putLong((long) v);
        }
      }
      default -> throw new IllegalArgumentException("unsupported element type " + tensor.type());
    }
    TensorProto.Builder proto =
        TensorProto.newBuilder()
            .setName(name)
            .setDataType(type.getNumber())
            .setRawData(ByteString.copyFrom(raw.array()));
    for (long d : tensor.shape()) {
      proto.addDims(d);
    }
    return proto.build().toByteArray();
  }

  /**
   * The tensor in serialized {@code TensorProto} {@code bytes}.
   *
   * @param source names the file in error messages
   * @throws IllegalArgumentException if the bytes are no TensorProto of FLOAT, DOUBLE or INT64
   */
  public static Tensor read(byte[] bytes, String source) {
    TensorProto proto;
    try {
      proto = TensorProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(source + " is not a serialized ONNX TensorProto", e);
    }
    long[] shape = proto.getDimsList().stream().mapToLong(Long::longValue).toArray();
    ByteBuffer raw = proto.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    boolean hasRaw = proto.hasRawData();
    return switch (DataType.forNumber(proto.getDataType())) {
      case FLOAT -> {
        float[] values = new float[hasRaw ? raw.remaining() / Float.BYTES : proto.getFloatDataCount()];
        for (int i = 0; i < values.length; i++) {
          values[i] = hasRaw ? raw.getFloat() : proto.getFloatData(i);
        }
        yield Tensor.ofFloats(shape, values);
      }
      case DOUBLE -> {
        double[] values =
            new double[hasRaw ? raw.remaining() / Double.BYTES : proto.getDoubleDataCount()];
        for (int i = 0; i < values.length; i++) {
          values[i] = hasRaw ? raw.getDouble() : proto.getDoubleData(i);
        }
        yield Tensor.ofDoubles(shape, values);
      }
      case INT64 -> {
        long[] values = new long[hasRaw ? raw.remaining() / Long.BYTES : proto.getInt64DataCount()];
        for (int i = 0; i < values.length; i++) {
          values[i] = hasRaw ? raw.getLong() : proto.getInt64Data(i);
        }
        yield Tensor.ofLongs(shape, values);
      }
      default ->
          throw new IllegalArgumentException(
              source + " holds a TensorProto of data type " + proto.getDataType()
                  + "; expected FLOAT (1), INT64 (7) or DOUBLE (11)");
    };
  }
}
