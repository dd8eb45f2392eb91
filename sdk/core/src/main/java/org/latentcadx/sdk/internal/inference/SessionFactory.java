package org.latentcadx.sdk.internal.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import java.util.Optional;
import org.latentcadx.sdk.Device;
import org.latentcadx.sdk.ExecutionProvider;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates ONNX Runtime sessions with deliberate options: all graph optimisations, sequential execution
 * (a tile batch is one chain of operators), the configured intra-op and inter-op thread counts, no
 * busy-waiting of idle threads, and the CUDA execution provider only when the device asks for it.
 */
public final class SessionFactory {

  private static final Logger LOG = LoggerFactory.getLogger(SessionFactory.class);

  /** The Maven artifact that carries the CUDA execution provider. */
  public static final String GPU_ARTIFACT = "com.microsoft.onnxruntime:onnxruntime_gpu";

  /** ONNX Runtime session configuration key: whether idle intra-op threads busy-wait for work. */
  public static final String ALLOW_SPINNING = "session.intra_op.allow_spinning";

  private final Device device;
  private final int intraOpThreads;
  private final int interOpThreads;

  public SessionFactory(Device device, int intraOpThreads, int interOpThreads) {
    this.device = device;
    this.intraOpThreads = intraOpThreads;
    this.interOpThreads = interOpThreads;
  }

  /**
   * A session and the provider it runs on.
   *
   * @param fallbackReason why {@link Device#auto()} ended on the CPU, when it did
   */
  public record CreatedSession(
      OrtSession session, ExecutionProvider provider, Optional<String> fallbackReason) {}

  /**
   * Creates a session for the model bytes.
   *
   * @throws LatentCadxException {@code DEVICE_UNAVAILABLE} when CUDA was required and cannot be used,
   *     {@code INVALID_MODEL} when ONNX Runtime cannot load the bytes
   */
  public CreatedSession create(byte[] model, String description) throws LatentCadxException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    if (device.kind() == Device.Kind.CPU) {
      return new CreatedSession(open(env, model, description, false), ExecutionProvider.CPU, Optional.empty());
    }
    Optional<String> cudaProblem = cudaUnavailableReason();
    if (cudaProblem.isEmpty()) {
      try {
        return new CreatedSession(
            open(env, model, description, true), ExecutionProvider.CUDA, Optional.empty());
      } catch (LatentCadxException e) {
        if (e.code() != ErrorCode.DEVICE_UNAVAILABLE) {
          throw e;
        }
        cudaProblem = Optional.of(e.getMessage());
      }
    }
    String reason = cudaProblem.get();
    if (device.kind() == Device.Kind.CUDA) {
      throw new LatentCadxException(ErrorCode.DEVICE_UNAVAILABLE, reason);
    }
    LOG.warn("Device auto: falling back to the CPU because {}", reason);
    return new CreatedSession(open(env, model, description, false), ExecutionProvider.CPU, Optional.of(reason));
  }

  private static Optional<String> cudaUnavailableReason() {
    if (OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
      return Optional.empty();
    }
    return Optional.of(
        "the CUDA execution provider is not in this ONNX Runtime build (available: "
            + OrtEnvironment.getAvailableProviders()
            + "); put "
            + GPU_ARTIFACT
            + " on the classpath instead of com.microsoft.onnxruntime:onnxruntime, on a machine with a"
            + " CUDA GPU and driver");
  }

  private OrtSession open(OrtEnvironment env, byte[] model, String description, boolean cuda)
      throws LatentCadxException {
    try (SessionOptions options = new SessionOptions()) {
      configure(options, cuda);
      try {
        return env.createSession(model, options);
      } catch (OrtException e) {
        throw new LatentCadxException(
            ErrorCode.INVALID_MODEL,
            description + " is not a loadable ONNX model (" + e.getMessage().strip() + ")",
            e);
      }
    } catch (OrtException e) {
      throw new LatentCadxException(
          ErrorCode.INVALID_ARGUMENT, "ONNX Runtime rejected the session options: " + e.getMessage(), e);
    }
  }

  private void configure(SessionOptions options, boolean cuda)
      throws OrtException, LatentCadxException {
    options.setOptimizationLevel(OptLevel.ALL_OPT);
    options.setExecutionMode(ExecutionMode.SEQUENTIAL);
    options.setIntraOpNumThreads(intraOpThreads);
    options.setInterOpNumThreads(interOpThreads);
    // Idle worker threads sleep instead of spinning: an embedded detector must not burn the host's
    // cores between runs, nor while the SDK's own Java stages (preprocessing, stitching) run.
    options.addConfigEntry(ALLOW_SPINNING, "0");
    if (cuda) {
      try {
        options.addCUDA(device.cudaDeviceId());
      } catch (OrtException e) {
        throw new LatentCadxException(
            ErrorCode.DEVICE_UNAVAILABLE,
            "ONNX Runtime could not enable CUDA device " + device.cudaDeviceId() + " ("
                + e.getMessage().strip() + "); check the GPU, the CUDA/cuDNN libraries and that "
                + GPU_ARTIFACT + " matches them",
            e);
      }
    }
  }
}
