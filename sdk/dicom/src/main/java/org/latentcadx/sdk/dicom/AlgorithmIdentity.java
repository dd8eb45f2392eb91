package org.latentcadx.sdk.dicom;

import java.util.Objects;

/**
 * The algorithm written into derived DICOM objects: Segment Algorithm Name, Algorithm Name and Version,
 * Manufacturer's Model Name and Software Versions.
 *
 * @param name e.g. {@code "LatentCADx ResNet54"}; 1 to 64 characters, no backslash
 * @param version e.g. the model version; 1 to 64 characters, no backslash
 */
public record AlgorithmIdentity(String name, String version) {
  public AlgorithmIdentity {
    requireLongString(name, "name");
    requireLongString(version, "version");
  }

  private static void requireLongString(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank() || value.length() > 64 || value.contains("\\")) {
      throw new IllegalArgumentException(
          "algorithm " + what + " must be 1 to 64 characters without a backslash, got '" + value + "'");
    }
  }
}
