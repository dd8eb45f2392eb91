package org.latentcadx.cli.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.cli.CliRun;
import org.latentcadx.cli.ExitCodes;
import org.latentcadx.cli.JsonSchemas;
import org.latentcadx.cli.TestImages;
import org.latentcadx.cli.io.Json;
import org.latentcadx.sdk.testing.TestModel;

/**
 * {@code latentcadx evaluate} end to end: a CBIS-DDSM-style data set (two masses, one calcification,
 * three normals) scored with the identity test model, whose image probability is the brightest grey
 * level, so the ranking and every classification metric are known.
 */
class EvaluateCommandTest {

  @TempDir Path dir;
  private Path data;
  private Path scores;
  private Path report;

  @BeforeEach
  void scoreADataSet() throws IOException {
    data = dir.resolve("data");
    scores = dir.resolve("scores");
    report = dir.resolve("report");
    // Lesions at grey 0.9, 0.7 and 0.5; normals at 0.1, 0.2 and 0.6 (one false alarm above a lesion).
    TestImages.write(data.resolve("Mass-Test_P_00001_LEFT_CC/1.dcm.png"), "png", 0.1, 40, 30, 10, 0.9);
    TestImages.write(data.resolve("Mass-Test_P_00002_LEFT_CC/1.png"), "png", 0.1, 40, 30, 10, 0.7);
    TestImages.write(data.resolve("Calc-Test_P_00003_RIGHT_MLO/1.png"), "png", 0.1, 20, 20, 6, 0.5);
    TestImages.write(data.resolve("normals/a.png"), "png", 0.1, 0, 0, 0, 0);
    TestImages.write(data.resolve("normals/b.png"), "png", 0.2, 0, 0, 0, 0);
    TestImages.write(data.resolve("normals/c.png"), "png", 0.6, 0, 0, 0, 0);
    TestImages.mask(dir.resolve("masks/Mass-Test_P_00001_LEFT_CC_1/mask.png"), 36, 26, 18);
    TestImages.mask(dir.resolve("masks/Mass-Test_P_00002_LEFT_CC_1/mask.png"), 36, 26, 18);
    TestImages.mask(dir.resolve("masks/Calc-Test_P_00003_RIGHT_MLO_1/mask.png"), 14, 14, 18);
    TestImages.mask(dir.resolve("masks/Mass-Test_P_00001_LEFT_CC_1/latent.png"), 40, 30, 10);
    TestImages.mask(dir.resolve("masks/Mass-Test_P_00002_LEFT_CC_1/latent.png"), 40, 30, 10);
    TestImages.mask(dir.resolve("masks/Calc-Test_P_00003_RIGHT_MLO_1/latent.png"), 20, 20, 6);
    Files.writeString(
        dir.resolve("mass_case_description_test_set.csv"),
        "patient_id,breast_density,left or right breast,image view,abnormality id,abnormality type,"
            + "mass shape,mass margins,assessment,pathology,subtlety,image file path,"
            + "cropped image file path,ROI mask file path,latent mask file path\n"
            + "P_00001,2,LEFT,CC,1,mass,OVAL,CIRCUMSCRIBED,4,MALIGNANT,4,"
            + "data/Mass-Test_P_00001_LEFT_CC/1.dcm.png,x,\"masks/Mass-Test_P_00001_LEFT_CC_1/mask.png\n\","
            + "masks/Mass-Test_P_00001_LEFT_CC_1/latent.png\n"
            + "P_00002,2,LEFT,CC,1,mass,ROUND,ILL_DEFINED,3,BENIGN,3,"
            + "data/Mass-Test_P_00002_LEFT_CC/1.png,x,masks/Mass-Test_P_00002_LEFT_CC_1/mask.png,"
            + "masks/Mass-Test_P_00002_LEFT_CC_1/latent.png\n");
    Files.writeString(
        dir.resolve("calc_case_description_test_set.csv"),
        "patient_id,breast density,left or right breast,image view,abnormality id,abnormality type,"
            + "calc type,calc distribution,assessment,pathology,subtlety,image file path,"
            + "cropped image file path,ROI mask file path,Latent_Mask_File_Path\n"
            + "P_00003,3,RIGHT,MLO,1,calcification,PLEOMORPHIC,CLUSTERED,4,MALIGNANT,2,"
            + " data/Calc-Test_P_00003_RIGHT_MLO/1.png ,x,masks/Calc-Test_P_00003_RIGHT_MLO_1/mask.png,"
            + "masks/Calc-Test_P_00003_RIGHT_MLO_1/latent.png\n");
    Path model =
        TestModel.identity(32)
            .metadata("latentcadx.downsample_factor", "2")
            .writeTo(dir.resolve("model.onnx"));
    CliRun scored = CliRun.of("score", "-o", scores, "--model", model, "--device", "cpu", data);
    assertThat(scored.exitCode()).as(scored.err()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void writesMetricsPlotsAndReport() throws Exception {
    PrintStream standardErr = System.err;
    ByteArrayOutputStream stray = new ByteArrayOutputStream();
    CliRun run;
    System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
    try {
      run =
          CliRun.of(
              "evaluate",
              "-g", dir.resolve("mass_case_description_test_set.csv"),
              dir.resolve("calc_case_description_test_set.csv"),
              "--normals", data.resolve("normals"),
              "-s", scores,
              "-o", report,
              "--bootstrap", "200",
              "--worst", "1");
    } finally {
      System.setErr(standardErr);
    }

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(stray.toString(StandardCharsets.UTF_8))
        .as("standard error besides the command's own output: the worst cases' pictures decode PNGs,"
            + " and ImageIO.read would ask PixelMed's JPEG lossless reader, which prints its answer")
        .doesNotContain("canDecodeInput");
    JsonSchemas.assertValid(JsonSchemas.SCORE, JsonSchemas.scoreResults(scores));
    JsonSchemas.assertValid(JsonSchemas.EVALUATE, report.resolve("metrics.json"));
    assertThat(report.resolve("froc.png")).isRegularFile();
    assertThat(Files.readString(report.resolve("images.csv")).lines().toList())
        .hasSize(1 + 6).first().isEqualTo("file,label,lesion_types,image_probability");
    assertThat(Files.readString(report.resolve("curves/froc.csv")))
        .startsWith("threshold,false_positives_per_image,sensitivity_all");
    assertThat(report.resolve("curves/roc-all.csv")).isRegularFile();
    assertThat(report.resolve("curves/pr-mass.csv")).isRegularFile();
    java.awt.image.BufferedImage missed = javax.imageio.ImageIO.read(report.resolve("cases/01-lesion_scored_low.png").toFile());
    int width = org.latentcadx.cli.TestImages.WIDTH;
    assertThat(missed.getWidth()).as("prediction beside ground truth").isEqualTo(2 * width + 4);
    boolean magenta = false;
    for (int y = 0; y < org.latentcadx.cli.TestImages.HEIGHT; y++) {
      for (int x = width + 4; x < 2 * width + 4; x++) {
        magenta |= (missed.getRGB(x, y) & 0xffffff) == 0xff00ff;
      }
    }
    assertThat(magenta).as("the hand-drawn outline in the ground-truth panel").isTrue();
    assertThat(Files.readString(report.resolve("report.html"))).contains("Lesion marks (FROC)").contains("with fewer than 10 of either")
        .contains("chosen on these same images");
    JsonNode metrics = Json.mapper().readTree(report.resolve("metrics.json").toFile());
    assertThat(metrics.at("/counts/imagesWithLesions").asInt()).isEqualTo(3);
    assertThat(metrics.at("/counts/normalImages").asInt()).isEqualTo(3);
    assertThat(metrics.at("/counts/abnormalities/mass").asInt()).isEqualTo(2);
    assertThat(metrics.at("/counts/abnormalities/calcification").asInt()).isEqualTo(1);
    // Scores: lesions 0.9, 0.7, 0.5; normals 0.6, 0.2, 0.1. Of the 9 lesion/normal pairs only
    // (0.5, 0.6) is misordered: AUC 8/9. AP: ranks 0.9 (P), 0.7 (P), 0.6 (N), 0.5 (P) give
    // (1 + 1 + 3/4) / 3 = 11/12.
    assertThat(metrics.at("/classification/all/metrics/rocAuc/estimate").asDouble())
        .isEqualTo(Double.parseDouble(Json.plain(8.0 / 9)));
    assertThat(metrics.at("/classification/all/metrics/averagePrecision/estimate").asDouble())
        .isEqualTo(Double.parseDouble(Json.plain(11.0 / 12)));
    JsonNode interval = metrics.at("/classification/all/metrics/rocAuc");
    assertThat(interval.get("lower").asDouble()).isLessThanOrEqualTo(8.0 / 9);
    assertThat(interval.get("upper").asDouble()).isGreaterThanOrEqualTo(8.0 / 9);
    // At threshold 0.5: lesions 0.9, 0.7, 0.5 positive, the 0.6 normal a false alarm.
    JsonNode decision = metrics.at("/classification/all/metrics/atDecisionThreshold");
    assertThat(decision.get("truePositives").asInt()).isEqualTo(3);
    assertThat(decision.get("falsePositives").asInt()).isEqualTo(1);
    // Masses (0.9, 0.7) are above every normal; the calcification (0.5) is below one of three.
    assertThat(metrics.at("/classification/mass/metrics/rocAuc/estimate").asDouble()).isEqualTo(1.0);
    assertThat(metrics.at("/classification/calcification/metrics/rocAuc/estimate").asDouble())
        .isEqualTo(Double.parseDouble(Json.plain(2.0 / 3)));
    // Segmentation, one patch per abnormality (the whole 48x40 map here). Masses: the 0.9 or 0.7 square
    // is 5x5 map pixels inside a 9x9 outline: IoU 25/81, IOP 1. Calcification: a 3x3 square of 0.5
    // inside a 9x9 outline: IoU 9/81. Against the true lesions (the squares) everything is 1.
    JsonNode outlines = metrics.at("/segmentation/annotation");
    assertThat(outlines.at("/all/patches").asInt()).isEqualTo(3);
    assertThat(outlines.at("/all/iou/value").asDouble())
        .isEqualTo(Double.parseDouble(Json.plain((2 * 25.0 / 81 + 9.0 / 81) / 3)));
    assertThat(outlines.at("/byLesionType/mass/iou/value").asDouble())
        .isEqualTo(Double.parseDouble(Json.plain(25.0 / 81)));
    assertThat(outlines.at("/all/iop/value").asDouble()).isEqualTo(1.0);
    assertThat(outlines.at("/byLesionType/calcification/ioa/value").asDouble())
        .isEqualTo(Double.parseDouble(Json.plain(9.0 / 81)));
    // AP@0.3, ranked 0.9 (TP), 0.7 (TP), 0.5 (FP) of 3: COCO 101-point gives 67/101; AP@0.5 is 0.
    assertThat(outlines.at("/all/averagePrecision/perSample/iou0.3").asDouble())
        .isEqualTo(Double.parseDouble(Json.plain(67.0 / 101)));
    assertThat(outlines.at("/all/averagePrecision/perSample/iou0.5").asDouble()).isZero();
    JsonNode truth = metrics.at("/segmentation/trueLesion");
    assertThat(truth.at("/all/iou/value").asDouble()).isEqualTo(1.0);
    assertThat(truth.at("/all/averagePrecision/perSample/iou0.7").asDouble()).isEqualTo(1.0);

    assertThat(metrics.at("/worstCases")).hasSize(2);
    assertThat(metrics.at("/worstCases/0/file").asText()).isEqualTo("Calc-Test_P_00003_RIGHT_MLO/1.png");
    assertThat(metrics.at("/worstCases/0/wrong").asBoolean()).isFalse();
    assertThat(metrics.at("/worstCases/1/file").asText()).isEqualTo("normals/c.png");
    assertThat(metrics.at("/worstCases/1/wrong").asBoolean()).isTrue();

    assertThat(ImageIO.read(report.resolve("roc.png").toFile()).getWidth()).isEqualTo(CurvePlots.WIDTH);
    assertThat(ImageIO.read(report.resolve("pr.png").toFile())).isNotNull();
    assertThat(report.resolve(metrics.at("/worstCases/0/overlay").asText())).exists();
    String html = Files.readString(report.resolve("report.html"));
    assertThat(html)
        .contains("<img src=\"roc.png\"")
        .contains("0.889 [")
        .contains("lesion, scored low")
        .contains("against the true (latent) lesions")
        .contains("false alarm")
        .contains("normals/c.png");
  }

  @Test
  void aSecondScoreFolderIsComparedWithDeLongsTest() throws Exception {
    Path model = dir.resolve("model.onnx");
    Path other = dir.resolve("scores-noisy-or");
    assertThat(CliRun.of("score", "-o", other, "--model", model, "--device", "cpu", "--aggregation", "noisy-or",
        data).exitCode()).isEqualTo(ExitCodes.OK);

    CliRun run = CliRun.of("evaluate", "-g", dir.resolve("mass_case_description_test_set.csv"),
        dir.resolve("calc_case_description_test_set.csv"), "--normals", data.resolve("normals"), "-s", scores,
        "--compare", other, "-o", report, "--bootstrap", "50");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    JsonSchemas.assertValid(JsonSchemas.EVALUATE, report.resolve("metrics.json"));
    JsonNode metrics = Json.mapper().readTree(report.resolve("metrics.json").toFile());
    JsonNode comparison = metrics.at("/comparison");
    // Lesions at 0.9, 0.7, 0.5 against normals at 0.1, 0.2, 0.6: 8 of 9 pairs ordered right.
    assertThat(comparison.at("/aucA").asDouble()).isCloseTo(8.0 / 9, within(1e-6))
        .isCloseTo(metrics.at("/classification/all/metrics/rocAuc/estimate").asDouble(), within(1e-6));
    assertThat(comparison.at("/imagesWithLesions").asInt()).isEqualTo(3);
    assertThat(comparison.at("/normalImages").asInt()).isEqualTo(3);
    assertThat(comparison.at("/imagesOnlyInA").asInt()).isZero();
    double difference = comparison.at("/difference").asDouble();
    assertThat(difference).isCloseTo(comparison.at("/aucA").asDouble() - comparison.at("/aucB").asDouble(),
        within(1e-9));
    assertThat(comparison.at("/pValue").asDouble()).isBetween(0.0, 1.0);
    assertThat(Files.readString(report.resolve("report.html"))).contains("Model comparison (DeLong)");
  }

  @Test
  void theReportRendersInABrowserWithEveryPlotAndNoError() throws Exception {
    CliRun run = CliRun.of("evaluate", "-g", dir.resolve("mass_case_description_test_set.csv"),
        dir.resolve("calc_case_description_test_set.csv"), "--normals", data.resolve("normals"), "-s", scores,
        "-o", report, "--bootstrap", "50", "--worst", "1");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);

    HeadlessChromium.PageCheck page = HeadlessChromium.check(report.resolve("report.html"));
    assertThat(page.images()).as("ROC, PR, FROC and two worst cases").isEqualTo(5);
    assertThat(page.brokenImages()).isEmpty();
    assertThat(page.errors()).isEmpty();
    HeadlessChromium.screenshot(report.resolve("report.html"), Path.of("target/evaluate-report.png"), 1100, 1800);

    Files.delete(report.resolve("froc.png")); // the check can fail
    HeadlessChromium.PageCheck broken = HeadlessChromium.check(report.resolve("report.html"));
    assertThat(broken.brokenImages()).isEqualTo("froc.png");
    assertThat(broken.errors()).contains("froc.png");
  }

  @Test
  void unlistedImagesCountOnlyWhenAsked() throws IOException {
    CliRun without =
        CliRun.of("evaluate", "-g", dir.resolve("mass_case_description_test_set.csv"), "-s", scores, "-o", report);
    assertThat(without.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode metrics = Json.mapper().readTree(report.resolve("metrics.json").toFile());
    assertThat(metrics.at("/counts/normalImages").asInt()).isZero();
    assertThat(metrics.at("/classification/all/unavailable").asText()).contains("both are needed");
    assertThat(without.err())
        .contains("latentcadx evaluate: reading the score results in " + scores)
        .contains("hashed 2 of 2 images")
        .contains("WARNING: no normal image (give --normals, or --unlisted-as-normal)");

    CliRun with =
        CliRun.of(
            "evaluate", "-g", dir.resolve("mass_case_description_test_set.csv"), "-s", scores, "-o", report,
            "--unlisted-as-normal", "--bootstrap", "50");
    assertThat(with.exitCode()).isEqualTo(ExitCodes.OK);
    metrics = Json.mapper().readTree(report.resolve("metrics.json").toFile());
    assertThat(metrics.at("/counts/normalImages").asInt()).isEqualTo(4);
  }

  @Test
  void groundTruthImagesWithoutAScoreAreListedAndExitWithOne() throws IOException {
    Files.delete(scores.resolve("Mass-Test_P_00002_LEFT_CC/1.png.json"));

    CliRun run =
        CliRun.of(
            "evaluate", "-g", dir.resolve("mass_case_description_test_set.csv"), "-s", scores, "-o", report,
            "--normals", data.resolve("normals"), "--bootstrap", "50");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.SOME_INPUTS_FAILED);
    assertThat(run.out()).contains("not scored: ").contains("Mass-Test_P_00002_LEFT_CC");
    JsonNode metrics = Json.mapper().readTree(report.resolve("metrics.json").toFile());
    assertThat(metrics.at("/counts/imagesWithLesions").asInt()).isEqualTo(1);
    assertThat(metrics.at("/counts/groundTruthImagesNotScored").asInt()).isEqualTo(1);
  }

  @Test
  void badGroundTruthIsAUsageErrorNamingTheProblem() throws IOException {
    Path csv = Files.writeString(dir.resolve("bad.csv"), "patient_id,image file path\nP1,x.png\n");
    CliRun run = CliRun.of("evaluate", "-g", csv, "-s", scores, "-o", report);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("bad.csv has no 'abnormality type' column");

    Path missing =
        Files.writeString(
            dir.resolve("missing.csv"),
            "patient_id,abnormality type,image file path,ROI mask file path\n"
                + "P1,mass,gone/1.png,gone/mask.png\n");
    CliRun notFound = CliRun.of("evaluate", "-g", missing, "-s", scores, "-o", report);
    assertThat(notFound.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(notFound.err()).contains("2 file(s) not found").contains("gone/1.png").contains("gone/mask.png");
  }
}
