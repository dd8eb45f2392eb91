package org.latentcadx.sdk;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the model runs. CUDA is requested from ONNX Runtime only when the device asks for it.
 *
 * <ul>
 *   <li>{@link #cpu()}: always the CPU execution provider;
 *   <li>{@link #cuda(int)}: the CUDA execution provider on the given GPU, or {@link
 *       LatentCadxException.ErrorCode#DEVICE_UNAVAILABLE} when this process cannot use it (the CPU-only
 *       {@code com.microsoft.onnxruntime:onnxruntime} artifact is on the classpath instead of {@code
 *       onnxruntime_gpu}, or no usable GPU/driver);
 *   <li>{@link #auto()}: CUDA device 0 when available, otherwise the CPU; the detector reports which
 *       one it got ({@link LesionDetector#executionProvider()}, {@link
 *       DetectionResult#executionProvider()}) and why it fell back ({@link
 *       LesionDetector#deviceFallbackReason()}).
 * </ul>
 */
public final class Device {

  /** The kind of device requested. */
  public enum Kind {
    CPU,
    CUDA,
    AUTO
  }

  private static final Device CPU = new Device(Kind.CPU, -1);
  private static final Device AUTO = new Device(Kind.AUTO, 0);

  private final Kind kind;
  private final int cudaDeviceId;

  private Device(Kind kind, int cudaDeviceId) {
    this.kind = kind;
    this.cudaDeviceId = cudaDeviceId;
  }

  /** The CPU. */
  public static Device cpu() {
    return CPU;
  }

  /**
   * The CUDA GPU with the given ordinal.
   *
   * @throws IllegalArgumentException if {@code deviceId} is negative
   */
  public static Device cuda(int deviceId) {
    if (deviceId < 0) {
      throw new IllegalArgumentException("CUDA device id must be >= 0, got " + deviceId);
    }
    return new Device(Kind.CUDA, deviceId);
  }

  /** CUDA device 0 when this process can use it, otherwise the CPU. */
  public static Device auto() {
    return AUTO;
  }

  /**
   * The device a text names, as {@link #toString()} writes it: {@code auto}, {@code cpu}, {@code cuda}
   * (GPU 0) or {@code cuda:N}; case and surrounding spaces are ignored.
   *
   * @throws IllegalArgumentException naming the text and what was expected
   */
  public static Device parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    switch (value) {
      case "auto":
        return auto();
      case "cpu":
        return cpu();
      case "cuda":
        return cuda(0);
      default:
        break;
    }
    if (value.startsWith("cuda:")) {
      String number = value.substring("cuda:".length());
      if (number.matches("[0-9]{1,9}")) {
        return cuda(Integer.parseInt(number));
      }
      throw new IllegalArgumentException(
          "'" + text + "' is not a device; the N of cuda:N must be a GPU number 0, 1, ...");
    }
    throw new IllegalArgumentException("'" + text + "' is not a device; expected auto, cpu, cuda or cuda:N");
  }

  public Kind kind() {
    return kind;
  }

  /** The CUDA device ordinal; meaningful for {@link Kind#CUDA} and {@link Kind#AUTO}. */
  public int cudaDeviceId() {
    return cudaDeviceId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Device that && kind == that.kind && cudaDeviceId == that.cudaDeviceId;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, cudaDeviceId);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case CPU -> "cpu";
      case CUDA -> "cuda:" + cudaDeviceId;
      case AUTO -> "auto";
    };
  }
}
