package org.latentcadx.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.testing.TestModel;

/** DDSM calibrations and the optical-density normalisation of the pipeline. */
class DdsmScannerTest {

  @TempDir Path folder;

  /**
   * Independent oracle: the step-wedge measurements (measured OD, mean grey level) the DDSM DBA
   * calibration page fitted its formula to. The fit agrees within 0.1 OD over the clinical range.
   */
  @Test
  void dbaCalibrationReproducesThePublishedStepWedge() {
    double[][] wedge = {
      {0.04, 55722}, {0.50, 18445}, {0.96, 5648}, {1.44, 1772}, {1.89, 581}, {2.37, 185}, {2.99, 47}
    };
    for (double[] step : wedge) {
      assertThat(DdsmScanner.DBA_MGH.opticalDensity(step[1]))
          .as("GL %s", step[1])
          .isCloseTo(step[0], within(0.1));
    }
  }

  @Test
  void linearCalibrationsFollowTheirPublishedFormulas() {
    assertThat(DdsmScanner.HOWTEK_MGH.opticalDensity(2000)).isCloseTo(3.789 - 1.89136, within(1e-12));
    assertThat(DdsmScanner.LUMISYS_WFU.opticalDensity(1000))
        .isCloseTo((1000 - 4096.99) / -1009.01, within(1e-12));
    assertThat(DdsmScanner.HOWTEK_ISMD.opticalDensity(1000))
        .isCloseTo(3.96604095240593 - 0.99055807612, within(1e-12));
    assertThat(DdsmScanner.DBA_MGH.opticalDensity(0)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  /**
   * HOWTEK MGH grey levels 0, 2000, 4000 and 3960 give OD 3.789 (clipped to 3.0 → 1), 1.89764 (→
   * 1.89764/3), 0.00628 (< 0.05 → 0) and 0.04409 (< 0.05 → 0); a non-integral level (1000.5, not in
   * the look-up table) and one above 16 bits (70000, OD < 0 → 0) take the formula directly.
   */
  @Test
  void opticalDensityModelsSeeClippedScaledDensity() throws Exception {
    TestModel model =
        TestModel.identity(2)
            .metadata("latentcadx.normalization", "optical_density")
            .metadata("latentcadx.od_min", "0.05")
            .metadata("latentcadx.od_max", "3.0");
    MammogramImage image =
        MammogramImage.ofFloats(
            3, 2, new float[] {0, 2000, 1000.5f, 4000, 3960, 70000},
            ImageMetadata.of("ddsm").withBitsStored(12));
    try (LesionDetector detector =
        DetectorFixtures.detector(model, folder).scanner(DdsmScanner.HOWTEK_MGH).build()) {
      float[] map = detector.detect(image).probabilityMap().values();
      assertThat(map[0]).isEqualTo(1f);
      assertThat((double) map[1]).isCloseTo((3.789 - 0.00094568 * 2000) / 3.0, within(1e-7));
      assertThat((double) map[2]).isCloseTo((3.789 - 0.00094568 * 1000.5) / 3.0, within(1e-7));
      assertThat(map[3]).isZero();
      assertThat(map[4]).isZero();
      assertThat(map[5]).isZero();
    }
  }
}
