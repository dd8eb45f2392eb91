package org.latentcadx.trainer.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Named float tensors in TensorFlow layout: model parameters, batch-norm moving statistics and
 * optimiser slots. Written in a small binary format: magic {@code LCXW}, version, count, then per
 * tensor its name, rank, dimensions and little-endian float32 values.
 */
public final class Weights {
  private static final int MAGIC = 0x4c435857; // "LCXW"
  private static final int VERSION = 1;

  private final Map<String, FloatArray> tensors = new LinkedHashMap<>();

  /** Fresh parameters, drawn in order from one generator seeded with {@code seed}. */
  public static Weights initial(List<ParamSpec> specs, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Weights weights = new Weights();
    for (ParamSpec spec : specs) {
      float[] values = new float[spec.size()];
      switch (spec.init()) {
        case ONES -> java.util.Arrays.fill(values, 1f);
        case ZEROS -> {}
        case HE_NORMAL -> {
          double std = Math.sqrt(2.0 / spec.fanIn());
          for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * std);
          }
        }
      }
      weights.put(spec.name(), new FloatArray(spec.shape().clone(), values));
    }
    return weights;
  }

  public void put(String name, FloatArray value) {
    tensors.put(name, value);
  }

  /** Adds every tensor of {@code other}, replacing those of the same name. */
  public void putAll(Weights other) {
    tensors.putAll(other.tensors);
  }

  public FloatArray get(String name) {
    FloatArray value = tensors.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no tensor named " + name);
    }
    return value;
  }

  public boolean contains(String name) {
    return tensors.containsKey(name);
  }

  public Map<String, FloatArray> asMap() {
    return Collections.unmodifiableMap(tensors);
  }

  public void write(OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeInt(MAGIC);
    data.writeInt(VERSION);
    data.writeInt(tensors.size());
    for (Map.Entry<String, FloatArray> e : tensors.entrySet()) {
      data.writeUTF(e.getKey());
      long[] shape = e.getValue().shape();
      data.writeInt(shape.length);
      for (long d : shape) {
        data.writeLong(d);
      }
      float[] values = e.getValue().values();
      ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      bytes.asFloatBuffer().put(values);
      data.write(bytes.array());
    }
    data.flush();
  }

  public static Weights read(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    if (data.readInt() != MAGIC) {
      throw new IOException("not a LatentCADx weights file (bad magic number)");
    }
    int version = data.readInt();
    if (version != VERSION) {
      throw new IOException("unsupported weights file version " + version + ", expected " + VERSION);
    }
    Weights weights = new Weights();
    int count = data.readInt();
    for (int t = 0; t < count; t++) {
      String name = data.readUTF();
      long[] shape = new long[data.readInt()];
      long size = 1;
      for (int i = 0; i < shape.length; i++) {
        shape[i] = data.readLong();
        size *= shape[i];
      }
      byte[] bytes = new byte[Math.toIntExact(size * 4)];
      data.readFully(bytes);
      float[] values = new float[(int) size];
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
      weights.put(name, new FloatArray(shape, values));
    }
    return weights;
  }
}
