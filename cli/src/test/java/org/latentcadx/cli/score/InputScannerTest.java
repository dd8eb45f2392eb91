package org.latentcadx.cli.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentcadx.sdk.ImageFiles;
import org.junit.jupiter.api.io.TempDir;

class InputScannerTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0};

  @TempDir Path dir;

  @Test
  void detectsFormatsByContentBeforeExtension() throws Exception {
    byte[] dicom = new byte[140];
    dicom[128] = 'D';
    dicom[129] = 'I';
    dicom[130] = 'C';
    dicom[131] = 'M';
    assertThat(ImageFiles.format(write("IM0001", dicom))).contains("DICOM");
    assertThat(ImageFiles.format(write("looks.dcm", PNG))).contains("PNG");
    assertThat(ImageFiles.format(write("t", new byte[] {'I', 'I', 42, 0}))).contains("TIFF");
    assertThat(ImageFiles.format(write("m", new byte[] {'M', 'M', 0, 42}))).contains("TIFF");
    assertThat(ImageFiles.format(write("broken.TIFF", new byte[3]))).contains("TIFF");
    assertThat(ImageFiles.format(write("notes.txt", "hello".getBytes()))).isEmpty();
    assertThat(ImageFiles.format(write("empty", new byte[0]))).isEmpty();
  }

  @Test
  void walksFoldersSortedWithKeysRelativeToTheCommonFolder() throws IOException {
    write("data/b/img.png", PNG);
    write("data/a/img.png", PNG);
    write("data/a/readme.txt", "x".getBytes());
    write("data/a/.hidden/img.png", PNG);
    write("data/a/img.png.json" + org.latentcadx.cli.io.AtomicFiles.TEMP_MARKER + "1", PNG);
    write("data/out/img.png.overlay.png", PNG);
    write("other/single.png", PNG);
    write("data/old/x.png.overlay.png", PNG);

    InputScanner.Scan scan =
        new InputScanner(dir.resolve("data/out"))
            .scan(List.of(dir.resolve("data"), dir.resolve("other/single.png")));

    assertThat(scan.inputs()).extracting(InputFile::key)
        .containsExactly("data/a/img.png", "data/b/img.png", "other/single.png");
    assertThat(scan.unrecognised()).isEmpty();
  }

  @Test
  void namedFileOfUnknownFormatIsReportedAndMissingInputIsAnError() throws IOException {
    Path notes = write("notes.txt", "x".getBytes());
    InputScanner scanner = new InputScanner(dir.resolve("out"));
    assertThat(scanner.scan(List.of(notes)).unrecognised())
        .containsExactly(new InputScanner.Unrecognised(notes, "notes.txt"));
    assertThatThrownBy(() -> scanner.scan(List.of(dir.resolve("missing.dcm"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing.dcm does not exist");
  }

  @Test
  void outputsWrittenBesideTheInputsAreNotInputs() throws IOException {
    write("cases/p1/left.png", PNG);
    write("cases/p1/left.png.overlay.png", PNG);
    write("cases/p1/left.png.map.png", PNG);
    write("cases/p1/left.png.seg.dcm", PNG);
    assertThat(new InputScanner(dir.resolve("cases")).scan(List.of(dir.resolve("cases"))).inputs())
        .extracting(InputFile::key)
        .containsExactly("p1/left.png");
  }

  @Test
  void singleFolderGivesKeysInsideIt() throws IOException {
    write("cases/p1/left.png", PNG);
    assertThat(new InputScanner(dir.resolve("out")).scan(List.of(dir.resolve("cases"))).inputs())
        .extracting(InputFile::key)
        .containsExactly("p1/left.png");
  }

  private Path write(String relative, byte[] bytes) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }
}
