package org.latentcadx.sdk.dicom;

import java.io.EOFException;
import java.util.regex.Pattern;

/**
 * What a third-party failure (PixelMed, an ImageIO decoder, the JDK) means, in words for a user: its
 * message without Java or PixelMed class names, or a phrase for a message-less exception.
 */
final class FailureText {
  /** A fully qualified class name and the colon after it, e.g. "com.pixelmed.dicom.DicomException: ". */
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?::\\s*)?");

  private FailureText() {}

  /** The failure {@code e} described without class names. */
  static String of(Throwable e) {
    String message = e.getMessage() == null ? "" : CLASS_NAME.matcher(e.getMessage()).replaceAll("");
    message = message.replace("No more readers to try", "no decoder could read it")
        .replace("VR null", "an unknown VR")
        .strip();
    if (!message.isEmpty() && !message.matches("-?\\d+")) {
      return message;
    }
    if (e instanceof EOFException) {
      return "the data ends early";
    }
    if (e instanceof NegativeArraySizeException || e instanceof IndexOutOfBoundsException
        || e instanceof ArithmeticException) {
      return "its sizes and lengths are inconsistent";
    }
    if (e instanceof OutOfMemoryError) {
      return "it needs more memory than is available";
    }
    return "the decoder failed without saying why";
  }
}
