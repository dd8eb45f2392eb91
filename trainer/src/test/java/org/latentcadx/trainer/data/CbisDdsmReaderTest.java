package org.latentcadx.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader on a small fabricated CBIS-DDSM tree with the real data's path quirks. */
class CbisDdsmReaderTest {

  private static final String MASS_HEADER =
      "patient_id,breast_density,left or right breast,image view,abnormality id,abnormality type,"
          + "mass shape,mass margins,assessment,pathology,subtlety,image file path,cropped image file path,"
          + "ROI mask file path\n";
  private static final String CALC_HEADER =
      "patient_id,breast density,left or right breast,image view,abnormality id,abnormality type,"
          + "calc type,calc distribution,assessment,pathology,subtlety,image file path,"
          + "cropped image file path,ROI mask file path\n";

  @TempDir Path root;

  @Test
  void resolvesTciaLayoutConvertedFilesWhitespaceAndSwappedMasks() throws IOException {
    // P_00001: TCIA download layout (date/description folders, 1-1/1-2 names), files converted to PNG
    image("Mass-Training_P_00001_LEFT_CC/07-20-2016-DDSM-74994/1.000000-full mammogram images-24515/1-1.png", 40, 60);
    image("Mass-Training_P_00001_LEFT_CC_1/07-21-2016-DDSM-06526/1.000000-ROI mask images-33269/1-1.png", 40, 60);
    image("Mass-Training_P_00001_LEFT_CC_1/07-21-2016-DDSM-06526/1.000000-cropped images-12345/1-1.png", 12, 9);
    // P_00002: the CSV's own layout, but ROI mask and cropped image swapped in the CSV
    image("Mass-Training_P_00002_RIGHT_MLO/1.3.6.1/1.3.6.2/000000.png", 50, 70);
    image("Mass-Training_P_00002_RIGHT_MLO_1/1.3.6.3/1.3.6.4/000000.png", 50, 70);
    image("Mass-Training_P_00002_RIGHT_MLO_1/1.3.6.3/1.3.6.4/000001.png", 10, 10);
    // P_00003: calcification under a CBIS-DDSM/ folder
    image("CBIS-DDSM/Calc-Test_P_00003_LEFT_MLO/1.2/1.3/000000.png", 30, 30);
    image("CBIS-DDSM/Calc-Test_P_00003_LEFT_MLO_1/1.4/1.5/000000.png", 8, 8);
    image("CBIS-DDSM/Calc-Test_P_00003_LEFT_MLO_1/1.4/1.5/000001.png", 30, 30);
    Files.writeString(
        root.resolve("mass_case_description_train_set.csv"),
        MASS_HEADER
            + "P_00001,3,LEFT,CC,1,mass,OVAL,CIRCUMSCRIBED,4,BENIGN,3,"
            + "Mass-Training_P_00001_LEFT_CC/1.3.6.1.4.1.9590.100.1.2.422/1.3.6.1.4.1.9590.100.1.2.342/000000.dcm,"
            + "\"Mass-Training_P_00001_LEFT_CC_1/1.3.6.1.4.1.9590.100.1.2.108/1.3.6.1.4.1.9590.100.1.2.296/000000.dcm\n\","
            + "Mass-Training_P_00001_LEFT_CC_1/1.3.6.1.4.1.9590.100.1.2.108/1.3.6.1.4.1.9590.100.1.2.296/000001.dcm\n"
            + "P_00002,2,RIGHT,MLO,1,mass,IRREGULAR,SPICULATED,5,MALIGNANT,4,"
            + "Mass-Training_P_00002_RIGHT_MLO/1.3.6.1/1.3.6.2/000000.dcm,"
            + "Mass-Training_P_00002_RIGHT_MLO_1/1.3.6.3/1.3.6.4/000000.dcm ,"
            + "\"Mass-Training_P_00002_RIGHT_MLO_1/1.3.6.3/1.3.6.4/000001.dcm\r\n\"\n");
    Files.writeString(
        root.resolve("calc_case_description_test_set.csv"),
        CALC_HEADER
            + "P_00003,4,LEFT,MLO,1,calcification,PLEOMORPHIC,CLUSTERED,4,BENIGN_WITHOUT_CALLBACK,2,"
            + "Calc-Test_P_00003_LEFT_MLO/1.2/1.3/000000.dcm,"
            + "Calc-Test_P_00003_LEFT_MLO_1/1.4/1.5/000000.dcm,"
            + "Calc-Test_P_00003_LEFT_MLO_1/1.4/1.5/000001.dcm\n");

    CbisDdsmReader.Result result = CbisDdsmReader.read(root);

    assertThat(result.abnormalities()).hasSize(3);
    CbisAbnormality first = result.abnormalities().get(0);
    assertThat(first.patientId()).isEqualTo("P_00001");
    assertThat(first.image().toString()).endsWith("full mammogram images-24515/1-1.png");
    assertThat(first.roiMask().toString()).contains("ROI mask images");
    assertThat(first.croppedImage().orElseThrow().toString()).contains("cropped images");
    CbisAbnormality second = result.abnormalities().get(1);
    assertThat(second.roiMask().getFileName().toString()).isEqualTo("000000.png");
    assertThat(second.croppedImage().orElseThrow().getFileName().toString()).isEqualTo("000001.png");
    assertThat(second.pathology()).isEqualTo(Pathology.MALIGNANT);
    CbisAbnormality third = result.abnormalities().get(2);
    assertThat(third.type()).isEqualTo(LesionType.CALCIFICATION);
    assertThat(third.test()).isTrue();
    assertThat(third.density()).isEqualTo(4);
    assertThat(third.roiMask().getFileName().toString()).isEqualTo("000001.png");
    assertThat(third.latentMask()).isEmpty();
    assertThat(result.caseFolderSearches()).isEqualTo(2);
    assertThat(result.swappedRoiAndCrop()).isEqualTo(1);
  }

  @Test
  void listsEveryMissingFileInOneError() throws IOException {
    image("Mass-Training_P_00001_LEFT_CC/1/2/000000.png", 20, 20);
    Files.writeString(
        root.resolve("mass_case_description_train_set.csv"),
        MASS_HEADER
            + "P_00001,3,LEFT,CC,1,mass,OVAL,CIRCUMSCRIBED,4,BENIGN,3,"
            + "Mass-Training_P_00001_LEFT_CC/1/2/000000.dcm,Mass-Training_P_00001_LEFT_CC_1/3/4/000000.dcm,"
            + "Mass-Training_P_00001_LEFT_CC_1/3/4/000001.dcm\n"
            + "P_00009,3,LEFT,CC,1,mass,OVAL,CIRCUMSCRIBED,4,BENIGN,3,"
            + "Mass-Training_P_00009_LEFT_CC/1/2/000000.dcm,Mass-Training_P_00009_LEFT_CC_1/3/4/000000.dcm,"
            + "Mass-Training_P_00009_LEFT_CC_1/3/4/000001.dcm\n");

    assertThatThrownBy(() -> CbisDdsmReader.read(root))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("2 problem(s)")
        .hasMessageContaining("mass_case_description_train_set.csv row 2: ROI mask file path")
        .hasMessageContaining("no mask of the image's size 20×20")
        .hasMessageContaining("row 3: image file path 'Mass-Training_P_00009_LEFT_CC/1/2/000000.dcm' not found");
  }

  @Test
  void refusesAFolderWithoutDescriptionFiles() {
    assertThatThrownBy(() -> CbisDdsmReader.read(root))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no CBIS-DDSM description file")
        .hasMessageContaining("mass_case_description_train_set.csv");
  }

  private void image(String relative, int width, int height) throws IOException {
    GreyPng.write16(root.resolve(relative), width, height, new short[width * height]);
  }
}
