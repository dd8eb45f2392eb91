package org.latentcadx.trainer.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * A fixed, untrained prewhitening filter for one grey channel: a {@value #KERNEL}×{@value #KERNEL}
 * convolution (SAME padding) whose frequency response is {@code (f / f_n)^(β/2)} for radial frequency
 * {@code f} below {@code f_n} = {@value #NOISE_FLOOR_FREQUENCY} cycles per pixel and flat above it, zero
 * at f = 0. Mammographic tissue has a power spectrum falling as {@code f^-β} with β about 3 (3.02 on
 * the normal images of one training data set of the generator, at the model's scale, by {@code
 * scripts/probe-mass-visibility --spectrum}) and levelling off towards a white noise floor above
 * about {@code f_n}; this filter flattens that spectrum, so the low-frequency lumps of glandular tissue
 * no longer dominate (onnx-models/STUDY.md, the matched-filter probe after round 12). Scaled to unit
 * energy times {@value #GAIN}, a round factor that puts the filtered channel's values on tissue in the
 * same order of magnitude as the image's own variation.
 */
public record Whiten() implements Layer {

  /** Edge of the square kernel, in pixels (odd). */
  public static final int KERNEL = 15;
  /** Exponent of the tissue power spectrum the filter flattens. */
  static final double BETA = 3.0;
  /** Radial frequency (cycles per pixel) above which the spectrum is taken to be white noise. */
  static final double NOISE_FLOOR_FREQUENCY = 0.3;
  /** The kernel's energy (sum of squares) is {@code GAIN²}. */
  static final double GAIN = 10.0;

  /** The kernel, row-major, centred: the inverse DFT of the response sampled on a KERNEL² grid. */
  public static float[] kernel() {
    double[] response = new double[KERNEL * KERNEL];
    for (int u = 0; u < KERNEL; u++) {
      for (int v = 0; v < KERNEL; v++) {
        double f = Math.hypot(frequency(u), frequency(v));
        response[u * KERNEL + v] =
            Math.pow(Math.min(f, NOISE_FLOOR_FREQUENCY) / NOISE_FLOOR_FREQUENCY, BETA / 2);
      }
    }
    int centre = KERNEL / 2;
    double[] kernel = new double[KERNEL * KERNEL];
    double energy = 0;
    for (int y = 0; y < KERNEL; y++) {
      for (int x = 0; x < KERNEL; x++) {
        double sum = 0;
        for (int u = 0; u < KERNEL; u++) {
          for (int v = 0; v < KERNEL; v++) {
            sum +=
                response[u * KERNEL + v]
                    * Math.cos(2 * Math.PI * (u * (y - centre) + v * (x - centre)) / KERNEL);
          }
        }
        kernel[y * KERNEL + x] = sum / (KERNEL * KERNEL);
        energy += kernel[y * KERNEL + x] * kernel[y * KERNEL + x];
      }
    }
    float[] scaled = new float[kernel.length];
    for (int i = 0; i < kernel.length; i++) {
      scaled[i] = (float) (kernel[i] * GAIN / Math.sqrt(energy));
    }
    return scaled;
  }

  /** The DFT frequency of index {@code k} of a KERNEL-point grid, in cycles per pixel. */
  private static double frequency(int k) {
    return (k <= KERNEL / 2 ? k : k - KERNEL) / (double) KERNEL;
  }

  @Override
  public Dims outputDims(List<Dims> inputs) {
    Dims in = Layers.single(this, inputs);
    in.requireMap();
    if (in.channels() != 1) {
      throw new IllegalArgumentException("whitening expects one channel, got " + in);
    }
    return in;
  }

  @Override
  public Operand<TFloat32> toTf(TfScope scope, List<Operand<TFloat32>> inputs) {
    var tf = scope.ops();
    Operand<TFloat32> kernel =
        tf.constant(Shape.of(KERNEL, KERNEL, 1, 1), DataBuffers.of(kernel(), true, false));
    return tf.nn.conv2d(inputs.get(0), kernel, List.of(1L, 1L, 1L, 1L), "SAME");
  }

  @Override
  public String toOnnx(OnnxScope scope, List<String> inputs) {
    Dims in = scope.inputDims().get(0);
    String kernel =
        scope.floatConstant("kernel", new FloatArray(new long[] {1, 1, KERNEL, KERNEL}, kernel()));
    return scope.node(
        "Conv",
        List.of(inputs.get(0), kernel),
        OnnxAttributes.ints("kernel_shape", KERNEL, KERNEL),
        OnnxAttributes.ints("strides", 1, 1),
        OnnxAttributes.ints("pads", Padding.same(in.height(), in.width(), KERNEL, 1)));
  }
}
