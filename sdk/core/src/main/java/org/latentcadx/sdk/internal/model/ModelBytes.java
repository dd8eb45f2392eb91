package org.latentcadx.sdk.internal.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.ModelSource;

/**
 * The raw bytes of a model and their SHA-256, read from a {@link ModelSource}.
 *
 * @param sha256 lower-case hex SHA-256 of {@code bytes}
 */
public record ModelBytes(byte[] bytes, String sha256) {

  /**
   * Reads a model's bytes.
   *
   * @throws LatentCadxException {@code MODEL_NOT_FOUND} when there is no such file or resource, {@code
   *     INVALID_MODEL} when it is empty, {@code IO_ERROR} when reading fails
   */
  public static ModelBytes read(ModelSource source) throws LatentCadxException {
    byte[] bytes =
        source instanceof ModelSource.FileSource file
            ? readFile(file.path())
            : readResource((ModelSource.BundledSource) source);
    if (bytes.length == 0) {
      throw new LatentCadxException(
          ErrorCode.INVALID_MODEL, source.description() + " is empty; expected an ONNX model");
    }
    return new ModelBytes(bytes, sha256(bytes));
  }

  private static byte[] readFile(Path path) throws LatentCadxException {
    if (Files.isDirectory(path)) {
      throw new LatentCadxException(
          ErrorCode.MODEL_NOT_FOUND, "model file " + path + " is a directory; expected an .onnx file");
    }
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new LatentCadxException(
          ErrorCode.MODEL_NOT_FOUND, "model file " + path.toAbsolutePath() + " does not exist", e);
    } catch (IOException e) {
      throw new LatentCadxException(
          ErrorCode.IO_ERROR, "cannot read model file " + path + ": " + e.getMessage(), e);
    }
  }

  private static byte[] readResource(ModelSource.BundledSource bundled) throws LatentCadxException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = ModelBytes.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(bundled.resourceName())) {
      if (in == null) {
        throw new LatentCadxException(
            ErrorCode.MODEL_NOT_FOUND,
            bundled.description() + " is not on the classpath; add the JAR that bundles it (e.g."
                + " latentcadx-onnx-models) or load the model from a file");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new LatentCadxException(
          ErrorCode.IO_ERROR, "cannot read " + bundled.description() + ": " + e.getMessage(), e);
    }
  }

  /** Lower-case hex SHA-256 (every Java runtime has SHA-256). */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime has no SHA-256", e);
    }
  }
}
