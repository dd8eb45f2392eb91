package org.latentcadx.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.DetectionResult;
import org.latentcadx.sdk.Device;
import org.latentcadx.sdk.ImageMetadata;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.ModelSource;
import org.latentcadx.sdk.model.ModelCheck;
import org.latentcadx.sdk.testing.Oracles;
import org.latentcadx.sdk.testing.Processes;

/**
 * The path from PyTorch into the SDK, end to end: {@code sdk/tools/pytorch/latentcadx_torch_recipe.py}
 * builds a LatentCADx-shaped network in PyTorch (Debian's python3-torch), exports it with {@code
 * torch.onnx} (opset 17, dynamic batch), stamps it with {@code sdk/tools/stamp-model} (grey-to-RGB input,
 * sigmoids, a flattened probability) and writes PyTorch's own outputs on grey patches as a golden set;
 * the conformance kit then runs the stamped model in the SDK against them.
 */
class PyTorchRecipeTest {

  private static final Path TOOLS = Path.of("../sdk/tools");
  private static final Path RECIPE = TOOLS.resolve("pytorch/latentcadx_torch_recipe.py");
  private static final Path STAMP = TOOLS.resolve("stamp-model");

  @TempDir static Path dir;

  @BeforeAll
  static void runRecipe() throws Exception {
    Oracles.requirePython("torch", "onnx", "numpy");
    Processes.Result recipe = python(RECIPE.toString(), dir.toString());
    assertThat(recipe.exitCode()).as(recipe.output()).isZero();
    assertThat(recipe.output())
        .contains("new input 'image' [N, 1, 64, 64] (grey) copied into the 3 channels of 'input'")
        .contains("input minus mean [0.485, 0.456, 0.406] per channel")
        .contains("input divided by std [0.229, 0.224, 0.225] per channel")
        .contains("output 'logit' [N, 1] -> Sigmoid -> Reshape -> 'probability' [N]")
        .contains("output 'mask_logits' [N, 1, 64, 64] -> Sigmoid -> 'mask' [N, 1, 64, 64]");
  }

  private static Path stamped() {
    return dir.resolve("goldens/pytorch-recipe/model.onnx");
  }

  @Test
  void pytorchAndTheSdkAgreeOnTheSamePatchesWithinTheKitsTolerances() {
    List<CheckResult> results =
        new ConformanceKit(GoldenFiles.folder(dir.resolve("goldens")), Device.cpu())
            .run("pytorch-recipe", Optional.empty());

    assertThat(results).extracting(CheckResult::check)
        .containsExactly("model_sha256", "probability", "mask", "probability", "mask");
    assertThat(results).allSatisfy(result -> assertThat(result.passed()).as(result.toString()).isTrue());
  }

  @Test
  void aStampWithoutTheNormalisationTheNetworkExpectsFailsTheKit() throws Exception {
    Path unnormalised = dir.resolve("unnormalised.onnx");
    Processes.Result stamp = python(STAMP.toString(), "stamp", dir.resolve("exported.onnx").toString(),
        unnormalised.toString(), "--name", "pytorch-recipe", "--version", "0.1.0", "--downsample-factor", "4",
        "--normalization", "bits_stored", "--outputs", "logits");
    assertThat(stamp.exitCode()).as(stamp.output()).isZero();

    List<CheckResult> results =
        new ConformanceKit(GoldenFiles.folder(dir.resolve("goldens")), Device.cpu())
            .run("pytorch-recipe", Optional.of(unnormalised));

    assertThat(results).filteredOn(result -> result.check().equals("mask"))
        .isNotEmpty()
        .allSatisfy(result -> assertThat(result.passed()).as(result.toString()).isFalse());
  }

  @Test
  void theStampedModelScoresAWholeImageInTheSdk() throws Exception {
    int width = 700;
    int height = 900;
    float[] pixels = new float[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double blob = Math.exp(-(Math.pow(x - 350, 2) + Math.pow(y - 420, 2)) / (2 * 60.0 * 60.0));
        pixels[y * width + x] = (float) (1000 + 2500 * blob);
      }
    }
    MammogramImage image = MammogramImage.ofFloats(width, height, pixels,
        ImageMetadata.of("synthetic").withBitsStored(12));
    try (LesionDetector detector = LesionDetector.builder(ModelSource.path(stamped())).device(Device.cpu()).build()) {
      DetectionResult result = detector.detect(image);

      assertThat(detector.modelInfo().name()).isEqualTo("pytorch-recipe");
      assertThat(detector.modelInfo().metadata()).containsKey("latentcadx.provenance.framework");
      assertThat(result.probabilityMap().width()).isEqualTo(175); // 700 / downsample factor 4
      assertThat(result.probabilityMap().height()).isEqualTo(225);
      assertThat(result.imageProbability()).isBetween(0.0, 1.0);
      assertThat(result.tileCount()).isPositive();
    }
  }

  @Test
  void theMapSmoothingIsStampedAndCheckedAsTheSdkChecksIt() throws Exception {
    Path smoothing = dir.resolve("smoothing.onnx");
    Processes.Result stamp = python(STAMP.toString(), "stamp", dir.resolve("exported.onnx").toString(),
        smoothing.toString(), "--name", "pytorch-recipe", "--version", "0.1.0", "--downsample-factor", "4",
        "--normalization", "bits_stored", "--outputs", "logits", "--map-smoothing", "8");
    assertThat(stamp.exitCode()).as(stamp.output()).isZero();
    try (LesionDetector detector = LesionDetector.builder(ModelSource.path(smoothing)).build()) {
      assertThat(detector.mapSmoothing()).isEqualTo(8);
    }

    Path tooWide = dir.resolve("too-wide.onnx");
    String rewrite = "import onnx,sys\n"
        + "m=onnx.load(sys.argv[1])\n"
        + "[p for p in m.metadata_props if p.key=='latentcadx.map_smoothing_sigma'][0].value='99'\n"
        + "onnx.save(m,sys.argv[2])\n";
    assertThat(python("-c", rewrite, smoothing.toString(), tooWide.toString()).exitCode()).isZero();
    String expected = "metadata key 'latentcadx.map_smoothing_sigma' is '99'; expected a number in [0";
    assertThat(python(STAMP.toString(), "check", tooWide.toString()).output()).contains(expected);
    assertThat(ModelCheck.violations(ModelSource.path(tooWide))).anyMatch(v -> v.startsWith(expected));

    Processes.Result refused = python(STAMP.toString(), "stamp", dir.resolve("exported.onnx").toString(),
        dir.resolve("refused-smoothing.onnx").toString(), "--name", "n", "--version", "1",
        "--downsample-factor", "4", "--normalization", "bits_stored", "--outputs", "logits", "--map-smoothing", "65");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.output()).contains("--map-smoothing must be in [0, 64] map pixels");
  }

  @Test
  void theUnstampedExportIsReportedWithEveryViolation() throws Exception {
    Path exported = dir.resolve("exported.onnx");

    List<String> violations = ModelCheck.violations(ModelSource.path(exported));
    Processes.Result check = python(STAMP.toString(), "check", exported.toString());

    assertThat(violations).hasSize(14)
        .contains("has no input 'image' (it has [input]); expected float32 [N, 1, T, T]")
        .anyMatch(v -> v.startsWith("metadata key 'latentcadx.tile_size' is missing"));
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.output()).contains("breaks the LatentCADx model contract in 14 way(s)");
    assertThat(python(STAMP.toString(), "check", stamped().toString()).output())
        .contains("follows the LatentCADx model contract");
    assertThat(ModelCheck.violations(ModelSource.path(stamped()))).isEmpty();
  }

  @Test
  void whatCannotBeAdaptedIsRefusedWithEveryReasonAndNothingIsWritten() throws Exception {
    Path exported = dir.resolve("fixed-batch-two-channels.onnx");
    String export = "import torch,sys\n"
        + "net=torch.nn.Sequential(torch.nn.Conv2d(2,1,3,padding=1)).eval()\n"
        + "torch.onnx.export(net, torch.zeros(1,2,48,40), sys.argv[1], opset_version=17,"
        + " input_names=['x'], output_names=['y'])\n";
    assertThat(python("-c", export, exported.toString()).exitCode()).isZero();
    Path output = dir.resolve("refused.onnx");

    Processes.Result stamp = python(STAMP.toString(), "stamp", exported.toString(), output.toString(), "--name", "n",
        "--version", "1", "--downsample-factor", "1", "--normalization", "bits_stored");

    assertThat(stamp.exitCode()).isEqualTo(1);
    assertThat(stamp.output())
        .contains("cannot be brought to the LatentCADx contract")
        .contains("input 'x' has a fixed batch axis (1); export with a dynamic batch axis")
        .contains("input 'x' has spatial shape 48 x 40; expected a fixed square tile T x T");
    assertThat(output).doesNotExist();
  }

  private static Processes.Result python(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Oracles.PYTHON.toString()));
    command.addAll(List.of(arguments));
    return Processes.run(Duration.ofMinutes(5), command);
  }
}
