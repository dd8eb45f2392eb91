package org.latentcadx.sdk.dicom;

/**
 * A value read from a file as an error message shows it: non-printable characters escaped as {@code
 * \\uXXXX} and at most {@value #MAX_LENGTH} characters, so that a hostile file cannot put control bytes
 * or kilobytes of binary into a message.
 */
final class ShownValue {
  static final int MAX_LENGTH = 64;

  private ShownValue() {}

  static String of(String value) {
    StringBuilder out = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < value.length(); i = value.offsetByCodePoints(i, 1)) {
      if (shown == MAX_LENGTH) {
        return out.append("… (").append(value.length()).append(" characters)").toString();
      }
      int c = value.codePointAt(i);
      if (Character.isISOControl(c) || !Character.isDefined(c) || c == 0xFFFD) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
      shown++;
    }
    return out.toString();
  }
}
