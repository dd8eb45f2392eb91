package org.latentcadx.cli.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CBIS-DDSM's description CSVs against the folder layout of the public download. */
class GroundTruthCsvTest {

  private static final String HEADER =
      "patient_id,breast_density,left or right breast,image view,abnormality id,abnormality type,"
          + "mass shape,mass margins,assessment,pathology,subtlety,image file path,"
          + "cropped image file path,ROI mask file path\n";

  @TempDir Path root;

  @Test
  void findsFilesWhoseUidFoldersDifferFromTheCsv() throws IOException {
    // The CSV names UID folders; the download has dated, described folders under CBIS-DDSM/.
    Path image =
        write("CBIS-DDSM/Mass-Test_P_00016_LEFT_CC/10-04-2016-DDSM-30104/1-full mammogram-97281/1-1.dcm", 50);
    write("CBIS-DDSM/Mass-Test_P_00016_LEFT_CC_1/10-04-2016-DDSM-21791/1-ROI mask-61587/1-1.dcm", 10);
    Path roi =
        write("CBIS-DDSM/Mass-Test_P_00016_LEFT_CC_1/10-04-2016-DDSM-21791/1-ROI mask-61587/1-2.dcm", 900);
    Path csv =
        Files.writeString(
            root.resolve("mass_case_description_test_set.csv"),
            HEADER
                + "P_00016,4,LEFT,CC,1,mass,IRREGULAR,SPICULATED,5,MALIGNANT,5,"
                + "Mass-Test_P_00016_LEFT_CC/1.3.6.1.4.1.9590.100.1.2.1/1.3.6.1.4.1.9590.100.1.2.2/000000.dcm,"
                + "\"Mass-Test_P_00016_LEFT_CC_1/1.3.6.1.4.1.9590.100.1.2.3/1.3.6.1.4.1.9590.100.1.2.4/000000.dcm\n\","
                + "\"Mass-Test_P_00016_LEFT_CC_1/1.3.6.1.4.1.9590.100.1.2.3/1.3.6.1.4.1.9590.100.1.2.4/000001.dcm\n\"\n");

    List<GroundTruthRow> rows = GroundTruthCsv.read(csv, root);

    assertThat(rows).hasSize(1);
    GroundTruthRow row = rows.get(0);
    assertThat(row.image()).isEqualTo(image);
    assertThat(row.roiMask()).as("the larger of the ROI folder's files").isEqualTo(roi);
    assertThat(row.type()).isEqualTo(LesionType.MASS);
    assertThat(row.pathology()).isEqualTo("malignant");
    assertThat(row.patientId()).isEqualTo("P_00016");
    assertThat(row.latentMask()).isEmpty();
  }

  @Test
  void listsEveryMissingFileAndRejectsUnknownTypes() throws IOException {
    Path csv =
        Files.writeString(
            root.resolve("calc.csv"),
            HEADER.replace("mass shape,mass margins", "calc type,calc distribution")
                + "P_1,2,LEFT,CC,1,calcification,x,y,3,BENIGN,2,a/1.dcm,c,a_1/2.dcm\n"
                + "P_2,2,LEFT,CC,1,calcification,x,y,3,BENIGN,2,b\\\\1.dcm,c,b_1/2.dcm\n");
    assertThatThrownBy(() -> GroundTruthCsv.read(csv, root))
        .hasMessageContaining("4 file(s) not found")
        .hasMessageContaining("calc.csv:2 image a/1.dcm")
        .hasMessageContaining("calc.csv:3 ROI mask b_1/2.dcm");

    write("a/1.dcm", 1);
    write("a_1/2.dcm", 1);
    Path odd =
        Files.writeString(
            root.resolve("odd.csv"), HEADER + "P_1,2,LEFT,CC,1,architectural distortion,x,y,3,B,2,a/1.dcm,c,a_1/2.dcm\n");
    assertThatThrownBy(() -> GroundTruthCsv.read(odd, root))
        .hasMessageContaining("odd.csv:2")
        .hasMessageContaining("'architectural distortion' is neither 'mass' nor 'calcification'");
  }

  private Path write(String relative, int bytes) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.write(file, new byte[bytes]);
  }
}
