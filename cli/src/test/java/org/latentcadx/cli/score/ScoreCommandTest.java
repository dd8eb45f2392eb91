package org.latentcadx.cli.score;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.cli.CliRun;
import org.latentcadx.cli.ExitCodes;
import org.latentcadx.cli.JsonSchemas;
import org.latentcadx.cli.TestImages;
import org.latentcadx.cli.io.AtomicFiles;
import org.latentcadx.cli.io.Json;
import org.latentcadx.sdk.ProbabilityMap;
import org.latentcadx.sdk.render.ProbabilityMapPng;
import org.latentcadx.cli.io.Sha256;
import org.latentcadx.sdk.testing.Oracles;
import org.latentcadx.sdk.testing.TestModel;

/**
 * {@code latentcadx score} end to end on temp folders, with the SDK's identity test model (mask =
 * normalised image, probability = brightest pixel of the tile; tile 32, downsample factor 2), so that
 * every number is known: an image with a 0.9 square on 0.1 scores 0.9 and has one lesion, the square.
 */
class ScoreCommandTest {

  @TempDir Path dir;
  private Path model;
  private Path in;
  private Path out;

  @BeforeEach
  void setUp() throws IOException {
    model =
        TestModel.identity(32)
            .metadata("latentcadx.downsample_factor", "2")
            .writeTo(dir.resolve("model.onnx"));
    in = dir.resolve("in");
    out = dir.resolve("out");
    TestImages.lesion(in.resolve("case1/image.png"));
    TestImages.normal(in.resolve("case2/image.png"));
    TestImages.write(in.resolve("case3/scan.tif"), "tiff", 0.2, 10, 10, 12, 0.8);
  }

  private CliRun score(Object... extra) {
    Object[] args = new Object[extra.length + 7];
    args[0] = "score";
    args[1] = "-o";
    args[2] = out;
    args[3] = "--model";
    args[4] = model;
    args[5] = "--device";
    args[6] = "cpu";
    System.arraycopy(extra, 0, args, 7, extra.length);
    return CliRun.of(args);
  }

  @Test
  void scoresEveryImageWithKnownNumbers() throws Exception {
    CliRun run = score(in);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("3 scored, 0 already done, 0 failed");
    JsonNode lesion = Json.mapper().readTree(out.resolve("case1/image.png.json").toFile());
    assertThat(lesion.at("/schema").asText()).isEqualTo(ScoreResult.SCHEMA);
    assertThat(lesion.at("/input/file").asText()).isEqualTo("case1/image.png");
    assertThat(lesion.at("/input/format").asText()).isEqualTo("PNG");
    assertThat(lesion.at("/input/sha256").asText())
        .isEqualTo(Sha256.of(in.resolve("case1/image.png")));
    assertThat(lesion.at("/input/width").asInt()).isEqualTo(TestImages.WIDTH);
    assertThat(lesion.at("/model/name").asText()).isEqualTo("test-identity");
    assertThat(lesion.at("/model/sha256").asText()).isEqualTo(Sha256.of(model));
    assertThat(lesion.at("/provider").asText()).isEqualTo("CPU");
    assertThat(lesion.at("/settings/stride").asInt()).isEqualTo(16);
    assertThat(lesion.at("/settings/aggregation").asText()).isEqualTo("max");
    assertThat(lesion.at("/imageProbability").asDouble()).isCloseTo(TestImages.stored(0.9), within(1e-6));
    assertThat(lesion.at("/positive").asBoolean()).isTrue();
    assertThat(lesion.at("/lesions")).hasSize(1);
    JsonNode box = lesion.at("/lesions/0/boxPx");
    assertThat(new int[] {box.get("x").asInt(), box.get("y").asInt(), box.get("width").asInt(), box.get("height").asInt()})
        .containsExactly(40, 30, 10, 10);
    assertThat(lesion.at("/lesions/0/areaPx").asDouble()).isEqualTo(100);
    assertThat(lesion.at("/lesions/0/boxMm").isMissingNode()).isTrue();
    assertThat(lesion.at("/lesions/0/peakProbability").asDouble()).isCloseTo(TestImages.stored(0.9), within(1e-6));

    JsonNode normal = Json.mapper().readTree(out.resolve("case2/image.png.json").toFile());
    assertThat(normal.at("/imageProbability").asDouble()).isCloseTo(TestImages.stored(0.1), within(1e-6));
    assertThat(normal.at("/positive").asBoolean()).isFalse();
    assertThat(normal.at("/lesions")).isEmpty();

    JsonNode tiff = Json.mapper().readTree(out.resolve("case3/scan.tif.json").toFile());
    assertThat(tiff.at("/input/format").asText()).isEqualTo("TIFF");
    assertThat(tiff.at("/imageProbability").asDouble()).isCloseTo(TestImages.stored(0.8), within(1e-6));

    ProbabilityMap map = ProbabilityMapPng.read(out.resolve("case1/image.png.map.png"));
    assertThat(map.width()).isEqualTo(TestImages.WIDTH / 2);
    assertThat(map.get(22, 17)).isCloseTo(0.9f, org.assertj.core.data.Offset.offset(1e-4f));
    assertThat(ImageIO.read(out.resolve("case1/image.png.overlay.png").toFile()).getWidth())
        .isEqualTo(TestImages.WIDTH);
    assertThat(Files.readString(out.resolve("summary.csv")).lines())
        .hasSize(4)
        .anySatisfy(line -> assertThat(line).startsWith("case1/image.png,PNG,").contains(",0.900008,true,1,"));
    assertThat(out.resolve("errors.csv")).hasContent("file,reason");
    assertThat(Files.readString(out.resolve("timings.csv")).lines().findFirst().orElseThrow())
        .isEqualTo("file,decode_ms,inference_ms,postprocessing_ms,preprocessing_ms,stitching_ms,write_images_ms");
  }

  @Test
  void dicomInputGetsSpacingLateralityAndMillimetreBoxes() throws Exception {
    Path dicom = mammogramFixture(in.resolve("case5/IM0001"));

    CliRun run = score("--outputs", "all", dicom);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    JsonNode result = Json.mapper().readTree(out.resolve("IM0001.json").toFile());
    assertThat(result.at("/input/format").asText()).isEqualTo("DICOM");
    assertThat(result.at("/input/width").asInt()).isEqualTo(128);
    assertThat(result.at("/input/pixelSpacingMm/row").asDouble()).isEqualTo(0.1);
    assertThat(result.at("/input/laterality").asText()).isEqualTo("LEFT");
    assertThat(result.at("/input/view").asText()).isEqualTo("CC");
    assertThat(result.at("/lesions")).isNotEmpty();
    assertThat(result.at("/outputs/segmentation").asText()).isEqualTo("IM0001.seg.dcm");
    assertThat(result.at("/outputs/overlayDicom").asText()).isEqualTo("IM0001.overlay.dcm");
    assertThat(out.resolve("IM0001.seg.dcm")).isRegularFile();
    assertThat(out.resolve("IM0001.overlay.dcm")).isRegularFile();
    assertThat(result.at("/outputs/cadReport").asText()).isEqualTo("IM0001.sr.dcm");
    assertThat(out.resolve("IM0001.sr.dcm")).isRegularFile();
    assertReferencesSource(out.resolve("IM0001.seg.dcm"), dicom, "SEG");
    assertReferencesSource(out.resolve("IM0001.overlay.dcm"), dicom, "OT");
    assertReferencesSource(out.resolve("IM0001.sr.dcm"), dicom, "SR");
    JsonSchemas.assertValid(JsonSchemas.SCORE, out.resolve("IM0001.json"));
    for (JsonNode lesion : result.at("/lesions")) {
      assertThat(lesion.at("/boxMm/width").asDouble())
          .isCloseTo(lesion.at("/boxPx/width").asDouble() * 0.1, within(1e-6));
      assertThat(lesion.at("/areaMm2").asDouble())
          .isCloseTo(lesion.at("/areaPx").asDouble() * 0.01, within(1e-5));
    }
  }

  @Test
  void corruptFileIsRecordedAndTheRunGoesOn() throws IOException {
    Path broken = in.resolve("case4/broken.png");
    Files.createDirectories(broken.getParent());
    Files.write(broken, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3});
    Path notes = Files.writeString(dir.resolve("notes.txt"), "not an image");

    CliRun run = score(in, notes);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.SOME_INPUTS_FAILED);
    assertThat(run.out()).contains("3 scored, 0 already done, 2 failed");
    String errors = Files.readString(out.resolve("errors.csv"));
    assertThat(errors.lines())
        .hasSize(3)
        .satisfiesExactly(
            header -> assertThat(header).isEqualTo("file,reason"),
            first -> assertThat(first).startsWith("in/case4/broken.png,").contains("broken.png"),
            second -> assertThat(second).startsWith("notes.txt,\"UNSUPPORTED_FORMAT"));
    assertThat(out.resolve("in/case1/image.png.json")).exists();
    assertThat(out.resolve("in/case4/broken.png.json")).doesNotExist();
    assertThat(Files.readString(out.resolve("summary.csv")).lines()).hasSize(4);
  }

  @Test
  void rerunSkipsDoneInputsAndWritesTheSameBytes() throws IOException {
    assertThat(score(in).exitCode()).isEqualTo(ExitCodes.OK);
    Map<String, String> first = deterministicFiles();

    CliRun again = score(in);
    assertThat(again.out()).contains("0 scored, 3 already done, 0 failed");
    assertThat(deterministicFiles()).containsExactlyInAnyOrderEntriesOf(first);

    CliRun forced = score("--force", in);
    assertThat(forced.out()).contains("3 scored, 0 already done, 0 failed");
    assertThat(deterministicFiles()).containsExactlyInAnyOrderEntriesOf(first);
  }

  @Test
  void rerunSkipsWithAThresholdThatIsNotAFloat() throws IOException {
    model =
        TestModel.identity(32)
            .metadata("latentcadx.decision_threshold", "0.35")
            .writeTo(dir.resolve("threshold.onnx"));
    assertThat(score(in).exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(score(in).out()).contains("0 scored, 3 already done");
  }

  @Test
  void theModelsMapSmoothingIsAppliedAndRecorded() throws Exception {
    assertThat(score(in).exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode plain = Json.mapper().readTree(out.resolve("case1/image.png.json").toFile());
    assertThat(plain.at("/settings/mapSmoothing").isMissingNode()).isTrue();

    model =
        TestModel.identity(32)
            .metadata("latentcadx.downsample_factor", "2")
            .metadata("latentcadx.decision_threshold", "0.2")
            .metadata("latentcadx.map_smoothing_sigma", "2")
            .writeTo(dir.resolve("smoothing.onnx"));
    CliRun run = score(in);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("3 scored, 0 already done");
    JsonNode smoothed = Json.mapper().readTree(out.resolve("case1/image.png.json").toFile());
    assertThat(smoothed.at("/settings/mapSmoothing").asDouble()).isEqualTo(2);
    // The image probability comes from the tiles, not the map, so smoothing leaves it as it was.
    assertThat(smoothed.at("/imageProbability").asDouble()).isEqualTo(plain.at("/imageProbability").asDouble());
    // A 5 × 5 map-pixel square of 0.9 spread by a Gaussian of 2 map pixels peaks well below 0.9.
    double peak = smoothed.at("/lesions/0/peakProbability").asDouble();
    assertThat(peak).isBetween(0.5, 0.8);
    assertThat(ProbabilityMapPng.read(out.resolve("case1/image.png.map.png")).get(22, 17))
        .isCloseTo((float) peak, org.assertj.core.data.Offset.offset(0.02f));
    JsonSchemas.assertValid(JsonSchemas.SCORE, JsonSchemas.scoreResults(out));

    // --map-smoothing overrides the model's: 0 gives the map as stitched, and the settings change, so
    // every input is scored again.
    CliRun unsmoothed = score("--map-smoothing", "0", in);
    assertThat(unsmoothed.out()).contains("3 scored, 0 already done");
    JsonNode overridden = Json.mapper().readTree(out.resolve("case1/image.png.json").toFile());
    assertThat(overridden.at("/settings/mapSmoothing").isMissingNode()).isTrue();
    assertThat(overridden.at("/lesions/0/peakProbability").asDouble())
        .isEqualTo(plain.at("/lesions/0/peakProbability").asDouble());
    assertThat(score("--map-smoothing", "65", in).err()).contains("--map-smoothing must be in [0, 64]");
  }

  @Test
  void interruptedRunResumesToCompleteIdenticalOutputs() throws IOException {
    assertThat(score(in).exitCode()).isEqualTo(ExitCodes.OK);
    Map<String, String> complete = deterministicFiles();

    // What a run killed during case2 leaves: case2's image outputs but no result (its JSON was still
    // a temporary file), case3 not started, run reports of an earlier state.
    Files.delete(out.resolve("case2/image.png.json"));
    Files.writeString(out.resolve("case2/image.png.json" + AtomicFiles.TEMP_MARKER + "7"), "{\"sch");
    for (String suffix : new String[] {".json", ".timings.json", ".overlay.png", ".map.png"}) {
      Files.delete(out.resolve("case3/scan.tif" + suffix));
    }
    Files.writeString(out.resolve("summary.csv"), "stale");

    CliRun resumed = score(in);

    assertThat(resumed.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(resumed.out()).contains("2 scored, 1 already done, 0 failed");
    assertThat(deterministicFiles()).containsExactlyInAnyOrderEntriesOf(complete);
    try (Stream<Path> files = Files.walk(out)) {
      assertThat(files).noneMatch(AtomicFiles::isLeftover);
    }
  }

  @Test
  void sameNamedFilesInDifferentFoldersGetTheirOwnOutputs() throws IOException {
    assertThat(score(in.resolve("case1/image.png"), in.resolve("case2/image.png")).exitCode())
        .isEqualTo(ExitCodes.OK);
    assertThat(out.resolve("case1/image.png.json")).exists();
    assertThat(out.resolve("case2/image.png.json")).exists();
  }

  @Test
  void optionsChangeTheRecordedSettingsAndAggregation() throws IOException {
    CliRun run = score("--stride", "8", "--aggregation", "top-k:2", "--batch-size", "3", "--threads", "1", in);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    JsonNode lesion = Json.mapper().readTree(out.resolve("case1/image.png.json").toFile());
    assertThat(lesion.at("/settings/stride").asInt()).isEqualTo(8);
    assertThat(lesion.at("/settings/aggregation").asText()).isEqualTo("top-k:2");
    // Two tiles hold the whole 0.9 square at stride 8, so the mean of the top 2 is still 0.9.
    assertThat(lesion.at("/imageProbability").asDouble()).isCloseTo(TestImages.stored(0.9), within(1e-6));
  }

  @Test
  void opticalDensityModelsNeedTheScannerWhichIsRecorded() throws IOException {
    model =
        TestModel.identity(32)
            .metadata("latentcadx.normalization", "optical_density")
            .metadata("latentcadx.od_min", "0.05")
            .metadata("latentcadx.od_max", "3.0")
            .writeTo(dir.resolve("od.onnx"));

    CliRun without = score(in);
    assertThat(without.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(without.err()).contains("INVALID_ARGUMENT").contains("optical");

    CliRun with = score("--scanner", "howtek_mgh", in);
    assertThat(with.exitCode()).as(with.err()).isEqualTo(ExitCodes.OK);
    JsonNode result = Json.mapper().readTree(out.resolve("case1/image.png.json").toFile());
    assertThat(result.at("/settings/scanner").asText()).isEqualTo("HOWTEK_MGH");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(CliRun.of("score", in).exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(score(dir.resolve("missing")).exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(score("--device", "gpu", in).exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(score("--aggregation", "top-k:0", in).exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(score("--stride", "0", in).exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(score("--unknown", in).exitCode()).isEqualTo(ExitCodes.USAGE);
    CliRun missingModel = CliRun.of("score", "-o", out, "--model", dir.resolve("nope.onnx"), in);
    assertThat(missingModel.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missingModel.err()).contains("MODEL_NOT_FOUND").contains("nope.onnx");
    assertThat(CliRun.of().exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(out).doesNotExist();
  }

  @Test
  void usageErrorsAreOneLineNamingTheOptionWithAHintAndComeBeforeTheModelLoads() throws IOException {
    CliRun threads = score("--threads", "0", in);
    assertThat(threads.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(threads.err().strip()).isEqualTo("latentcadx: --threads must be 1 to 256, got 0");

    CliRun unknown = score("--unknwn", in);
    assertThat(unknown.err().lines().toList())
        .hasSizeLessThanOrEqualTo(4)
        .first().asString().startsWith("latentcadx score: Unknown option: '--unknwn'");
    assertThat(unknown.err()).contains("Try 'latentcadx score --help' for the options.")
        .doesNotContain("Usage:");

    Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
    CliRun outputIsAFile = CliRun.of("score", "-o", file, "--model", dir.resolve("nope.onnx"), in);
    assertThat(outputIsAFile.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(outputIsAFile.err()).contains("-o " + file + " is a file; expected a folder")
        .doesNotContain("MODEL_NOT_FOUND"); // refused before the model was looked for
  }

  @Test
  void outputsAreChosenWithTheDefaultLeavingOutTheOverlaySecondaryCapture() throws IOException {
    Path dicom = mammogramFixture(in.resolve("dicom/IM0002"));
    assertThat(score(dicom).exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(out.resolve("IM0002.seg.dcm")).isRegularFile();
    assertThat(out.resolve("IM0002.sr.dcm")).isRegularFile();
    assertThat(out.resolve("IM0002.map.png")).isRegularFile();
    assertThat(out.resolve("IM0002.overlay.png")).isRegularFile();
    assertThat(out.resolve("IM0002.overlay.dcm")).doesNotExist();

    Path only = dir.resolve("only-json");
    CliRun none = CliRun.of("score", "-o", only, "--model", model, "--device", "cpu", "--outputs", "none", dicom);
    assertThat(none.exitCode()).as(none.err()).isEqualTo(ExitCodes.OK);
    try (var files = Files.list(only)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("IM0002.json", "IM0002.timings.json", "summary.csv", "errors.csv", "timings.csv");
    }
    JsonNode result = Json.mapper().readTree(only.resolve("IM0002.json").toFile());
    assertThat(result.at("/outputs").size()).isZero();

    CliRun bad = score("--outputs", "map,pdf", in);
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("--outputs: 'pdf' is not an output");
  }

  @Test
  void twoJobsWriteTheSameResultsAsOne() throws IOException {
    assertThat(score(in).exitCode()).isEqualTo(ExitCodes.OK);
    Path sequential = out.resolve("case1/image.png.json");
    byte[] expected = Files.readAllBytes(sequential);
    byte[] summary = Files.readAllBytes(out.resolve("summary.csv"));

    Path parallel = dir.resolve("parallel");
    CliRun run = CliRun.of(
        "score", "-o", parallel, "--model", model, "--device", "cpu", "--jobs", "2", "--threads", "2", in);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(parallel.resolve("case1/image.png.json")).hasBinaryContent(expected);
    assertThat(parallel.resolve("summary.csv")).hasBinaryContent(summary);
    assertThat(score("--jobs", "0", in).err()).contains("--jobs must be 1 to 16, got 0");
  }

  @Test
  void moreJobsThanTheCpuBudgetIsAUsageError() {
    CliRun run = score("--jobs", "3", "--threads", "2", in);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().strip())
        .startsWith("latentcadx: --jobs 3 needs a CPU budget of at least 3 threads (each image in flight"
            + " decodes or writes on one); --threads is 2");
  }

  @Test
  void aFailedInputIsPrintedNotOnlyCounted() throws IOException {
    Path broken = Files.writeString(in.resolve("real.jpg"), "not an image");
    CliRun run = score(broken, in.resolve("case1/image.png"));
    assertThat(run.exitCode()).isEqualTo(ExitCodes.SOME_INPUTS_FAILED);
    assertThat(run.err()).contains("  failed: real.jpg: UNSUPPORTED_FORMAT");
  }

  @Test
  void resultsFollowTheShippedSchemaWhichRefusesABrokenResult() throws Exception {
    assertThat(score(in).exitCode()).isEqualTo(ExitCodes.OK);
    JsonSchemas.assertValid(JsonSchemas.SCORE, JsonSchemas.scoreResults(out));

    JsonNode result = Json.mapper().readTree(out.resolve("case1/image.png.json").toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) result).remove("imageProbability");
    ((com.fasterxml.jackson.databind.node.ObjectNode) result.get("input")).put("sha256", "not-a-hash");
    Path broken = dir.resolve("broken.json");
    Json.mapper().writeValue(broken.toFile(), result);
    assertThat(JsonSchemas.violations(JsonSchemas.SCORE, broken))
        .contains("'imageProbability' is a required property")
        .contains("/input/sha256: 'not-a-hash' does not match");
  }

  @Test
  void helpOfEveryCommand() {
    for (String command : new String[] {"score", "evaluate", "inspect"}) {
      CliRun help = CliRun.of(command, "--help");
      assertThat(help.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(help.out()).startsWith("Usage: latentcadx " + command).contains("Exit codes:");
    }
    CliRun top = CliRun.of("--help");
    assertThat(top.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(top.out()).contains("score").contains("evaluate").contains("inspect");
  }

  @Test
  void imagesOfOneStudyGetOneStudyCadReportBesidesTheirOwn() throws Exception {
    Path first = mammogramFixture(in.resolve("study/IM0001"));
    Path second = in.resolve("study/IM0002");
    // The same image again as another instance of the same study.
    AttributeList list = new AttributeList();
    list.read(first.toString());
    String study = Attribute.getSingleStringValueOrEmptyString(
        list, TagFromName.StudyInstanceUID);
    list.replaceWithValueIfPresent(TagFromName.SOPInstanceUID, "2.25.1234567890");
    list.replaceWithValueIfPresent(TagFromName.MediaStorageSOPInstanceUID, "2.25.1234567890");
    list.write(second.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);

    CliRun run = score(first, second);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    Path report = out.resolve("studies").resolve(study + ".sr.dcm");
    assertThat(run.out()).contains("CAD SR of 1 multi-image study");
    Oracles.requirePython("pydicom");
    String script = "import pydicom,sys\n"
        + "d=pydicom.dcmread(sys.argv[1])\n"
        + "lib=[i for i in d.ContentSequence if i.ConceptNameCodeSequence[0].CodeValue=='111028'][0]\n"
        + "print(d.SOPClassUID, d.StudyInstanceUID,"
        + " sorted(i.ReferencedSOPSequence[0].ReferencedSOPInstanceUID for i in lib.ContentSequence))";
    Process process = new ProcessBuilder("/usr/bin/python3", "-c", script, report.toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes()).strip();
    assertThat(process.waitFor()).as(output).isZero();
    String firstUid = Attribute.getSingleStringValueOrEmptyString(
        readHeader(first), TagFromName.SOPInstanceUID);
    assertThat(output).isEqualTo("1.2.840.10008.5.1.4.1.1.88.50 " + study + " "
        + Stream.of(firstUid, "2.25.1234567890").sorted()
            .map(uid -> "'" + uid + "'").toList().toString());
  }

  /** The DICOM module's 16-bit mammogram fixture copied to {@code file}. */
  private Path mammogramFixture(Path file) throws IOException {
    try (var fixture = getClass().getResourceAsStream("/dicom/mg_u16_mono2_explicit_le.dcm")) {
      Files.createDirectories(file.getParent());
      Files.copy(fixture, file);
    }
    return file;
  }

  private static AttributeList readHeader(Path file) throws Exception {
    AttributeList list = new AttributeList();
    list.read(file.toString(), TagFromName.PixelData);
    return list;
  }

  /** pydicom (an independent reader) finds the object's modality and its reference to the source. */
  private static void assertReferencesSource(Path derived, Path source, String modality)
      throws IOException {
    Path python = Path.of("/usr/bin/python3");
    Oracles.requirePython("pydicom");
    String script =
        "import pydicom,sys\n"
            + "d=pydicom.dcmread(sys.argv[1]); s=pydicom.dcmread(sys.argv[2])\n"
            + "print(d.Modality, d.StudyInstanceUID==s.StudyInstanceUID,"
            + " d.SourceImageSequence[0].ReferencedSOPInstanceUID==s.SOPInstanceUID"
            + " if 'SourceImageSequence' in d else"
            + " d.CurrentRequestedProcedureEvidenceSequence[0].ReferencedSeriesSequence[0]"
            + ".ReferencedSOPSequence[0].ReferencedSOPInstanceUID==s.SOPInstanceUID"
            + " if 'CurrentRequestedProcedureEvidenceSequence' in d else"
            + " d.SharedFunctionalGroupsSequence[0].DerivationImageSequence[0]"
            + ".SourceImageSequence[0].ReferencedSOPInstanceUID==s.SOPInstanceUID)";
    Process process =
        new ProcessBuilder(python.toString(), "-c", script, derived.toString(), source.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes()).strip();
    int exit;
    try {
      exit = process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    assertThat(exit).as(output).isZero();
    assertThat(output).isEqualTo(modality + " True True");
  }

  /** Every file of the output folder that must be byte-identical between runs, by relative path. */
  private Map<String, String> deterministicFiles() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String name = out.relativize(file).toString();
        boolean timings = name.endsWith(".timings.json") || name.equals("timings.csv");
        if (!timings) {
          files.put(name, Sha256.of(file));
        }
      }
    }
    return files;
  }

  private static org.assertj.core.data.Offset<Double> within(double tolerance) {
    return org.assertj.core.data.Offset.offset(tolerance);
  }
}
