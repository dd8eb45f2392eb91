package org.latentcadx.trainer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The trainer's project version, filtered into {@code trainer-version.properties} by Maven. */
final class TrainerVersion {
  private TrainerVersion() {}

  static String get() {
    try (InputStream in = TrainerVersion.class.getResourceAsStream("trainer-version.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the trainer version resource", e);
    }
  }
}
