package org.latentcadx.cli.io;

import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import java.io.IOException;
import java.nio.file.Path;

/** SHA-256 digests as lower-case hex, the form recorded in results. */
public final class Sha256 {

  private Sha256() {}

  /** The SHA-256 of a file's bytes. */
  public static String of(Path file) throws IOException {
    return MoreFiles.asByteSource(file).hash(Hashing.sha256()).toString();
  }
}
