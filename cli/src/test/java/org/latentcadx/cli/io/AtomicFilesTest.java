package org.latentcadx.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  @Test
  void writesThroughTemporaryFileAndCreatesFolders() throws IOException {
    Path target = dir.resolve("a/b/result.json");
    AtomicFiles.write(target, "new".getBytes());
    assertThat(target).hasContent("new");
    AtomicFiles.write(target, "newer".getBytes());
    assertThat(target).hasContent("newer");
    try (var files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void failedWriteLeavesOldContentAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("result.json");
    AtomicFiles.write(target, "old".getBytes());
    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write("half".getBytes());
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(target).hasContent("old");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void writtenFilesGetTheUmasksPermissionsNotPrivateOnes() throws IOException {
    Path reference = Files.createFile(dir.resolve("plain.txt"));
    Path written = dir.resolve("out/result.json");
    Path viaPath = dir.resolve("out/result.dcm");

    AtomicFiles.write(written, "x".getBytes());
    AtomicFiles.writeFile(viaPath, file -> Files.writeString(file, "y"));

    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);
    assertThat(Files.getPosixFilePermissions(written)).isEqualTo(expected);
    assertThat(Files.getPosixFilePermissions(viaPath)).isEqualTo(expected);
    // Under the usual umask 022 (CI's and Debian's default) others can read the results.
    assertThat(expected).contains(PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_READ);
  }

  @Test
  void deletesLeftoversOfInterruptedWritesOnly() throws IOException {
    Path keep = dir.resolve("x/keep.json");
    Files.createDirectories(keep.getParent());
    Files.writeString(keep, "{}");
    Path leftover = dir.resolve("x/keep.json" + AtomicFiles.TEMP_MARKER + "123");
    Files.writeString(leftover, "{");
    assertThat(AtomicFiles.isLeftover(leftover)).isTrue();
    assertThat(AtomicFiles.deleteLeftovers(dir)).isEqualTo(1);
    assertThat(keep).exists();
    assertThat(leftover).doesNotExist();
  }
}
