package org.latentcadx.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.testing.Oracles;

/**
 * The TCIA download of CBIS-DDSM with real DICOM files written by pydicom (an independent writer,
 * {@code src/test/resources/cbis/make_dicom.py}): the reader finds the files, tells mask from crop by
 * their DICOM headers, and the builder reads pixels through the SDK's DICOM reader.
 */
class CbisDicomLayoutTest {

  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SCRIPT = Path.of("src/test/resources/cbis/make_dicom.py");

  @TempDir Path root;

  @BeforeAll
  static void needsPydicom() throws Exception {
    Oracles.requirePython("pydicom", "numpy");
  }

  @Test
  void readsTciaDicomLayoutAndBuildsPatchesFromDicomPixels() throws Exception {
    dicom("Mass-Training_P_00001_LEFT_CC/07-20-2016-DDSM-74994/1.000000-full mammogram images-24515/1-1.dcm", 64, 48, "image");
    dicom("Mass-Training_P_00001_LEFT_CC_1/07-21-2016-DDSM-06526/1.000000-cropped images-12345/1-1.dcm", 16, 12, "image");
    dicom("Mass-Training_P_00001_LEFT_CC_1/07-21-2016-DDSM-06526/1.000000-ROI mask images-33269/1-1.dcm", 64, 48, "mask");
    Files.writeString(
        root.resolve("mass_case_description_test_set.csv"),
        "patient_id,breast_density,left or right breast,image view,abnormality id,abnormality type,"
            + "mass shape,mass margins,assessment,pathology,subtlety,image file path,cropped image file path,"
            + "ROI mask file path\n"
            + "P_00001,2,LEFT,CC,1,mass,ROUND,CIRCUMSCRIBED,3,BENIGN,5,"
            + "Mass-Training_P_00001_LEFT_CC/1.3.6.1.4.1.9590.100.1.2.1/1.3.6.1.4.1.9590.100.1.2.2/000000.dcm,"
            + "Mass-Training_P_00001_LEFT_CC_1/1.3.6.1.4.1.9590.100.1.2.3/1.3.6.1.4.1.9590.100.1.2.4/000000.dcm,"
            + "\"Mass-Training_P_00001_LEFT_CC_1/1.3.6.1.4.1.9590.100.1.2.3/1.3.6.1.4.1.9590.100.1.2.4/000001.dcm\n\"\n");

    CbisDdsmReader.Result cbis = CbisDdsmReader.read(root);

    CbisAbnormality row = cbis.abnormalities().get(0);
    assertThat(row.image().toString()).contains("full mammogram images").endsWith("1-1.dcm");
    assertThat(row.roiMask().toString()).contains("ROI mask images");
    assertThat(row.croppedImage().orElseThrow().toString()).contains("cropped images");

    // factor 2: the ROI [16, 32) × [12, 24) becomes [8, 16) × [6, 12), centre of mass (12, 9)
    PatchStore store =
        DatasetBuilder.build(
            cbis.abnormalities(), List.of(), root, new DatasetBuilder.Options(16, 20, 2, 16, 0.5, 1, 1, 0),
            root.resolve("store"));

    PatchRecord record = store.record(0);
    assertThat(record.centreX()).isEqualTo(12);
    assertThat(record.centreY()).isEqualTo(9);
    double block = 0;
    for (int y = 18; y < 20; y++) {
      for (int x = 24; x < 26; x++) {
        block += x * 37 + y * 1009;
      }
    }
    Patch patch = store.patch(0);
    assertThat(patch.image()[10 * 20 + 10]).isCloseTo((float) (block / 4 / 65535), Offset.offset(1e-5f));
    assertThat(patch.outline()[10 * 20 + 10]).isEqualTo((byte) 1);
    assertThat(patch.outline()[10 * 20 + 14]).isEqualTo((byte) 0);
  }

  private void dicom(String relative, int width, int height, String kind) throws Exception {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Process p =
        new ProcessBuilder(
                PYTHON.toString(), SCRIPT.toString(), file.toString(), Integer.toString(width),
                Integer.toString(height), kind)
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException("make_dicom.py failed: " + output);
    }
  }
}
