package org.latentcadx.sdk;

import java.util.Objects;

/**
 * The one checked exception of the SDK. Every failure carries an {@link ErrorCode} so that callers can
 * react by kind, and a message that names the input (file, key or tensor), what is wrong and what was
 * expected.
 */
public final class LatentCadxException extends Exception {

  /** What kind of failure this is. */
  public enum ErrorCode {
    /** The image is empty, has non-positive sizes, or holds NaN/infinite pixels. */
    INVALID_IMAGE,
    /** The image exceeds the configured size or memory bound. */
    IMAGE_TOO_LARGE,
    /** The file's format (or DICOM transfer syntax, SOP class) is not one the SDK reads. */
    UNSUPPORTED_FORMAT,
    /** The file claims a supported format but its content is corrupt or inconsistent. */
    CORRUPT_INPUT,
    /** No model at the given path or classpath name. */
    MODEL_NOT_FOUND,
    /** The model file is not a loadable ONNX model. */
    INVALID_MODEL,
    /** The model loads but breaks the LatentCADx model contract (metadata, inputs, outputs). */
    INCOMPATIBLE_MODEL,
    /** The requested execution device (e.g. CUDA) is not available in this process. */
    DEVICE_UNAVAILABLE,
    /** ONNX Runtime failed while running the model. */
    INFERENCE_FAILED,
    /** Reading or writing a file failed. */
    IO_ERROR,
    /** An option or argument is out of its valid range. */
    INVALID_ARGUMENT
  }

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public LatentCadxException(ErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public LatentCadxException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The kind of failure. */
  public ErrorCode code() {
    return code;
  }
}
