package org.latentcadx.cli.score;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.cli.ExitCodes;
import org.latentcadx.cli.ForkedCli;
import org.latentcadx.sdk.testing.Processes;

/**
 * {@code latentcadx score} in its own JVM with {@code -Xmx192m}, below the 256 MiB that docs/PERFORMANCE.md
 * says to budget for one image in flight: a full-size 4000 × 6000 16-bit mammogram is scored with the
 * bundled model and the default outputs, while an 8000 × 8000 one that cannot fit fails alone with a
 * message naming it and the heap, and does not stop the batch (it comes first).
 */
class ScoreHeapTest {

  @TempDir Path dir;

  @Test
  void aFullSizeMammogramIsScoredIn192MegabytesOfHeapAndATooLargeOneFailsAlone() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    mammogram(in.resolve("a-too-large.dcm"), 8000, 8000, "2.25.81");
    mammogram(in.resolve("b-full-size.dcm"), 4000, 6000, "2.25.82");
    Path out = dir.resolve("out");

    Processes.Result run = ForkedCli.run(Duration.ofMinutes(5), List.of("-Xmx192m"),
        "score", "-o", out.toString(), "--device", "cpu", in.toString());

    assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.SOME_INPUTS_FAILED);
    assertThat(Files.readString(out.resolve("errors.csv")))
        .contains("a-too-large.dcm,\"OUT_OF_MEMORY: a-too-large.dcm needs more heap than this JVM has");
    assertThat(Files.readString(out.resolve("summary.csv"))).contains("b-full-size.dcm,DICOM,");
    assertThat(out.resolve("b-full-size.dcm.seg.dcm")).isNotEmptyFile();
    assertThat(out.resolve("b-full-size.dcm.sr.dcm")).isNotEmptyFile();
    assertThat(out.resolve("b-full-size.dcm.overlay.png")).isNotEmptyFile();
  }


  /**
   * The DICOM module's 16-bit mammogram fixture grown to {@code width × height} 12-bit pixels of smooth
   * tissue and noise, with its own SOP Instance UID, in Explicit VR Little Endian.
   */
  private void mammogram(Path file, int width, int height, String instanceUid) throws Exception {
    AttributeList list = new AttributeList();
    try (var fixture = getClass().getResourceAsStream("/dicom/mg_u16_mono2_explicit_le.dcm")) {
      list.read(new com.pixelmed.dicom.DicomInputStream(fixture));
    }
    short[] pixels = new short[width * height];
    Random random = new Random(width);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double tissue = 1500 + 1000 * Math.sin(x / 300.0) * Math.cos(y / 450.0);
        pixels[y * width + x] = (short) (tissue + random.nextInt(200));
      }
    }
    set(list, TagFromName.Rows, height);
    set(list, TagFromName.Columns, width);
    set(list, TagFromName.BitsStored, 12);
    set(list, TagFromName.HighBit, 11);
    Attribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
    pixelData.setValues(pixels);
    list.put(pixelData);
    list.get(TagFromName.SOPInstanceUID).setValue(instanceUid);
    list.get(TagFromName.MediaStorageSOPInstanceUID).setValue(instanceUid);
    list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
  }

  private static void set(AttributeList list, AttributeTag tag, int value) throws Exception {
    list.get(tag).setValue(value);
  }
}
