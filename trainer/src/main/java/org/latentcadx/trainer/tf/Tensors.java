package org.latentcadx.trainer.tf;

import org.latentcadx.trainer.model.FloatArray;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Conversions between TensorFlow tensors and {@link FloatArray}s. */
public final class Tensors {
  private Tensors() {}

  public static FloatArray toArray(TFloat32 tensor) {
    float[] values = new float[Math.toIntExact(tensor.shape().size())];
    tensor.copyTo(DataBuffers.of(values, false, false));
    return new FloatArray(tensor.shape().asArray(), values);
  }

  /** A new tensor holding a copy of {@code array}; the caller closes it. */
  public static TFloat32 toTensor(FloatArray array) {
    return TFloat32.tensorOf(
        Shape.of(array.shape()), DataBuffers.of(array.values(), true, false));
  }
}
