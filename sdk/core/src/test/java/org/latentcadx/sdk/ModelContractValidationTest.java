package org.latentcadx.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.model.ModelCheck;
import org.latentcadx.sdk.testing.TestModel;

/** Models that are missing, unreadable or break the contract are refused with specific messages. */
class ModelContractValidationTest {

  @TempDir Path folder;

  private LatentCadxException refusal(TestModel model) {
    return refusal(ModelSource.path(model.writeTo(folder.resolve("model.onnx"))));
  }

  private static LatentCadxException refusal(ModelSource source) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
        () -> LesionDetector.builder(source).build().close());
    assertThat(thrown).isInstanceOf(LatentCadxException.class);
    return (LatentCadxException) thrown;
  }

  @Test
  void missingFileIsModelNotFound() {
    LatentCadxException e = refusal(ModelSource.path(folder.resolve("absent.onnx")));
    assertThat(e.code()).isEqualTo(ErrorCode.MODEL_NOT_FOUND);
    assertThat(e).hasMessageContaining("absent.onnx").hasMessageContaining("does not exist");
  }

  @Test
  void missingBundledModelIsModelNotFound() {
    LatentCadxException e = refusal(ModelSource.classpath("no-such-model"));
    assertThat(e.code()).isEqualTo(ErrorCode.MODEL_NOT_FOUND);
    assertThat(e).hasMessageContaining("org/latentcadx/models/no-such-model.onnx");
  }

  @Test
  void bundledModelsLoadThroughTheContextClassLoader() throws Exception {
    Path models = Files.createDirectories(folder.resolve("jar/org/latentcadx/models"));
    TestModel.identity(4).writeTo(models.resolve("tiny-1.0.onnx"));
    ClassLoader original = Thread.currentThread().getContextClassLoader();
    try (java.net.URLClassLoader loader =
        new java.net.URLClassLoader(new java.net.URL[] {folder.resolve("jar").toUri().toURL()})) {
      Thread.currentThread().setContextClassLoader(loader);
      try (LesionDetector detector =
          LesionDetector.builder(ModelSource.classpath("tiny-1.0")).build()) {
        assertThat(detector.modelInfo().name()).isEqualTo("test-identity");
        assertThat(detector.modelInfo().source())
            .isEqualTo("bundled model 'tiny-1.0' (classpath resource org/latentcadx/models/tiny-1.0.onnx)");
      }
    } finally {
      Thread.currentThread().setContextClassLoader(original);
    }
  }

  @Test
  void bundledModelNamesCannotEscapeTheModelFolder() {
    assertThatThrownBy(() -> ModelSource.classpath("../secrets"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyTruncatedAndNonOnnxFilesAreInvalidModels() throws Exception {
    Path empty = Files.write(folder.resolve("empty.onnx"), new byte[0]);
    byte[] valid = TestModel.identity(4).toBytes();
    Path truncated =
        Files.write(folder.resolve("truncated.onnx"), Arrays.copyOf(valid, valid.length / 2));
    Path text = Files.writeString(folder.resolve("text.onnx"), "this is not a model\n");

    for (Path file : new Path[] {empty, truncated, text}) {
      LatentCadxException e = refusal(ModelSource.path(file));
      assertThat(e.code()).as(file.toString()).isEqualTo(ErrorCode.INVALID_MODEL);
      assertThat(e).hasMessageContaining(file.getFileName().toString());
    }
  }

  @Test
  void modelWithoutMetadataNamesTheFirstMissingKey() {
    LatentCadxException e = refusal(TestModel.identity(4).noMetadata());
    assertThat(e.code()).isEqualTo(ErrorCode.INCOMPATIBLE_MODEL);
    assertThat(e).hasMessageContaining("'latentcadx.contract_version' is missing");
  }

  @Test
  void aModelCheckListsEveryViolationNotOnlyTheFirst() throws Exception {
    Path model = TestModel.identity(4)
        .metadata("latentcadx.tile_stride", "9")
        .metadata("latentcadx.normalization", "zscore")
        .metadata("latentcadx.model_name", null)
        .graphTensorNames("pixels", "probability", "mask")
        .fixedBatch()
        .writeTo(folder.resolve("model.onnx"));

    List<String> violations = ModelCheck.violations(ModelSource.path(model));

    assertThat(violations).containsExactly(
        "metadata key 'latentcadx.tile_stride' is '9'; expected an integer in [1, 4]",
        "metadata key 'latentcadx.normalization' is 'zscore'; expected 'bits_stored' or 'optical_density'",
        "metadata key 'latentcadx.model_name' is missing; a LatentCADx model must carry it (see"
            + " sdk/MODEL_CONTRACT.md)",
        "has no input 'image' (it has [pixels]); expected float32 [N, 1, 4, 4]",
        "output 'probability' has shape [1]; expected float32 [N] with a symbolic batch axis N",
        "output 'mask' has shape [1, 1, 4, 4]; expected float32 [N, 1, 4, 4] with a symbolic batch axis N");
    LatentCadxException e = refusal(ModelSource.path(model));
    assertThat(e).hasMessageContaining("'latentcadx.tile_stride' is '9'")
        .hasMessageContaining("and 2 more problem(s)");
  }

  @Test
  void aModelThatFollowsTheContractHasNoViolations() throws Exception {
    Path model = TestModel.identity(4).writeTo(folder.resolve("model.onnx"));
    assertThat(ModelCheck.violations(ModelSource.path(model))).isEmpty();
  }

  @Test
  void eachMissingRequiredKeyIsNamed() {
    for (String key :
        new String[] {
          "latentcadx.model_name", "latentcadx.tile_size", "latentcadx.normalization",
          "latentcadx.decision_threshold", "latentcadx.output_mask_name"
        }) {
      LatentCadxException e = refusal(TestModel.identity(4).metadata(key, null));
      assertThat(e.code()).as(key).isEqualTo(ErrorCode.INCOMPATIBLE_MODEL);
      assertThat(e).as(key).hasMessageContaining("'" + key + "' is missing");
    }
  }

  @Test
  void invalidValuesNameTheKeyAndTheExpectation() {
    assertRefused(
        TestModel.identity(4).metadata("latentcadx.contract_version", "2"),
        "'latentcadx.contract_version' is '2'; expected contract version 1");
    assertRefused(
        TestModel.identity(4).metadata("latentcadx.tile_stride", "5"),
        "'latentcadx.tile_stride' is '5'; expected an integer in [1, 4]");
    assertRefused(
        TestModel.identity(4).metadata("latentcadx.tile_size", "four"),
        "'latentcadx.tile_size' is 'four'; expected an integer");
    assertRefused(
        TestModel.identity(4).metadata("latentcadx.normalization", "zscore"),
        "'latentcadx.normalization' is 'zscore'; expected 'bits_stored' or 'optical_density'");
    assertRefused(
        TestModel.identity(4).metadata("latentcadx.decision_threshold", "1.5"),
        "'latentcadx.decision_threshold' is '1.5'; expected a number in [0.0, 1.0]");
    assertRefused(
        TestModel.identity(4).metadata("latentcadx.normalization", "optical_density"),
        "'latentcadx.od_min' is missing");
    for (String smoothing : new String[] {"-1", "64.5", "wide", "NaN"}) {
      assertRefused(
          TestModel.identity(4).metadata("latentcadx.map_smoothing_sigma", smoothing),
          "'latentcadx.map_smoothing_sigma' is '" + smoothing + "'; expected a number in [0.0, 64.0]");
    }
  }

  @Test
  void theOptionalMapSmoothingIsZeroWhenAbsentOrBlank() throws Exception {
    for (String smoothing : new String[] {null, " "}) {
      Path model = TestModel.identity(4).metadata("latentcadx.map_smoothing_sigma", smoothing)
          .writeTo(folder.resolve("model.onnx"));
      assertThat(ModelCheck.violations(ModelSource.path(model))).isEmpty();
      try (LesionDetector detector = LesionDetector.builder(ModelSource.path(model)).build()) {
        assertThat(detector.modelInfo().mapSmoothing()).isZero();
        assertThat(detector.mapSmoothing()).isZero();
      }
    }
  }

  @Test
  void tensorsThatDoNotMatchTheContractAreNamed() {
    assertRefused(
        TestModel.identity(4).graphTensorNames("pixels", "probability", "mask"),
        "has no input 'image'");
    assertRefused(
        TestModel.identity(4).graphTensorNames("image", "score", "mask"),
        "has no output 'probability' (it has [");
    assertRefused(
        TestModel.identity(4).graphTileSize(8),
        "input 'image' has shape [N, 1, 8, 8]; expected float32 [N, 1, 4, 4]");
    assertRefused(
        TestModel.identity(4).fixedBatch(),
        "input 'image' has shape [1, 1, 4, 4]; expected float32 [N, 1, 4, 4] with a symbolic batch axis N");
  }

  private void assertRefused(TestModel model, String message) {
    LatentCadxException e = refusal(model);
    assertThat(e.code()).isEqualTo(ErrorCode.INCOMPATIBLE_MODEL);
    assertThat(e).hasMessageContaining(message).hasMessageContaining("model.onnx");
  }

  @Test
  void optionsThatDoNotFitTheModelAreRefused() {
    Path model = TestModel.identity(4).writeTo(folder.resolve("model.onnx"));
    assertThatThrownBy(() -> LesionDetector.builder(ModelSource.path(model)).stride(5).build())
        .isInstanceOf(LatentCadxException.class)
        .hasMessageContaining("stride 5 exceeds the model's tile size 4")
        .extracting(e -> ((LatentCadxException) e).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    Path odModel =
        TestModel.identity(4)
            .metadata("latentcadx.normalization", "optical_density")
            .metadata("latentcadx.od_min", "0.05")
            .metadata("latentcadx.od_max", "3.0")
            .writeTo(folder.resolve("od.onnx"));
    assertThatThrownBy(() -> LesionDetector.builder(ModelSource.path(odModel)).build())
        .isInstanceOf(LatentCadxException.class)
        .hasMessageContaining("choose the DDSM scanner");
  }

  @Test
  void modelInfoCarriesTheMetadataAndTheHashOfTheBytes() throws Exception {
    TestModel model = TestModel.identity(4).metadata("latentcadx.provenance.seed", "42");
    Path file = model.writeTo(folder.resolve("model.onnx"));
    String expectedHash =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    try (LesionDetector detector = LesionDetector.builder(ModelSource.path(file)).build()) {
      ModelInfo info = detector.modelInfo();
      assertThat(info.sha256()).isEqualTo(expectedHash);
      assertThat(info.version()).isEqualTo("0.0.1");
      assertThat(info.tileSize()).isEqualTo(4);
      assertThat(info.defaultStride()).isEqualTo(2);
      assertThat(info.metadata()).containsEntry("latentcadx.provenance.seed", "42");
    }
  }

  @Test
  void maskValuesOutsideTheUnitIntervalFailInference() throws Exception {
    Path model = TestModel.identity(4).maskScale(2f).writeTo(folder.resolve("model.onnx"));
    MammogramImage image = DetectorFixtures.sparse8(5, 4, new int[] {3, 2, 153});
    try (LesionDetector detector = LesionDetector.builder(ModelSource.path(model)).build()) {
      LatentCadxException e =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              LatentCadxException.class, () -> detector.detect(image));
      assertThat(e.code()).isEqualTo(ErrorCode.INFERENCE_FAILED);
      assertThat(e)
          .hasMessageContaining("model 'test-identity' gave mask value 1.2 at map pixel (3, 2)")
          .hasMessageContaining("expected values in [0, 1]");
    }
  }
}
