package org.latentcadx.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.ModelSource;
import org.latentcadx.trainer.data.BuildDatasetCommand;
import org.latentcadx.trainer.data.LesionType;
import org.latentcadx.trainer.data.MineHardNegativesCommand;
import org.latentcadx.trainer.data.PatchRecord;
import org.latentcadx.trainer.data.PatchStore;
import org.latentcadx.trainer.eval.BatchNormCheckCommand;
import org.latentcadx.trainer.eval.ImageStudyCommand;
import org.latentcadx.trainer.eval.StudyCommand;
import org.latentcadx.trainer.model.Architecture;
import org.latentcadx.trainer.train.FaintLesionSampling;
import org.latentcadx.trainer.train.HistoryFiles;
import org.latentcadx.trainer.train.TinyData;
import picocli.CommandLine;

class TrainCommandTest {

  @Test
  void faintLesionOptionsReachTheConfigurationAndNeedALesionFraction() {
    TrainCommand command = new TrainCommand();
    new CommandLine(command).parseArgs("--store", "s", "--output", "o", "--faint-lesion-weight", "3");
    assertThat(command.config(Architecture.preset("lite")).faintLesions())
        .isEqualTo(new FaintLesionSampling(0.3, 3));

    TrainCommand naturalMix = new TrainCommand();
    new CommandLine(naturalMix)
        .parseArgs("--store", "s", "--output", "o", "--faint-lesion-weight", "3", "--lesion-fraction", "0");
    assertThatThrownBy(() -> naturalMix.config(Architecture.preset("lite")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("faint-lesion sampling needs a lesion fraction");
  }

  @Test
  void trainsAllStagesAndExportsAModelTheSdkAccepts(@TempDir Path dir)
      throws IOException, LatentCadxException {
    Path store = dir.resolve("store");
    TinyData.store(store, 8, 4, 256);
    Path out = dir.resolve("out");

    int exit =
        new CommandLine(new TrainCommand())
            .execute(
                "--store", store.toString(), "--output", out.toString(), "--preset", "lite",
                "--epochs-r", "1", "--epochs-l1", "1", "--epochs-l2", "1", "--batch-size", "4",
                "--validation-fold", "1", "--augmentation", "none", "--seed", "5");

    assertThat(exit).isZero();
    assertThat(Files.readAllLines(out.resolve("history.csv")))
        .hasSize(4)
        .first()
        .isEqualTo(HistoryFiles.HEADER);
    assertThat(out.resolve("loss.png")).isNotEmptyFile();
    ModelProto model = ModelProto.parseFrom(Files.readAllBytes(out.resolve("latentcadx-lite.onnx")));
    Map<String, String> metadata =
        model.getMetadataPropsList().stream()
            .collect(
                Collectors.toMap(StringStringEntryProto::getKey, StringStringEntryProto::getValue));
    assertThat(metadata)
        .containsEntry("latentcadx.contract_version", "1")
        .containsEntry("latentcadx.model_name", "latentcadx-lite")
        .containsEntry("latentcadx.tile_size", "256")
        .containsEntry("latentcadx.normalization", "bits_stored")
        .containsEntry("latentcadx.provenance.epochs", "R=1,L1=1,L2=1")
        .containsEntry("latentcadx.provenance.seed", "5")
        .containsEntry("latentcadx.provenance.loss_weights", "alpha=2.0,beta=1.0,gamma=1.0")
        .containsEntry(
            "latentcadx.provenance.mask_loss",
            "weighting=region-means,top_fraction=0.25,pairwise=10.0,pairwise_sigma=0.05")
        .containsKeys(
            "latentcadx.provenance.dataset_sha256",
            "latentcadx.provenance.tensorflow_version",
            "latentcadx.provenance.trainer_version",
            "latentcadx.provenance.date");
    assertThat(metadata.get("latentcadx.provenance.trainer_version")).doesNotContain("${");
    try (LesionDetector detector =
        LesionDetector.builder(ModelSource.path(out.resolve("latentcadx-lite.onnx"))).build()) {
      assertThat(detector.modelInfo().name()).isEqualTo("latentcadx-lite");
      assertThat(detector.modelInfo().tileSize()).isEqualTo(256);
      assertThat(detector.modelInfo().normalization()).isEqualTo("bits_stored");
    }

    Path report = dir.resolve("report.md");
    int evaluated =
        new CommandLine(new EvaluateCommand())
            .execute(
                "--store", store.toString(), "--model", out.resolve("latentcadx-lite.onnx").toString(),
                "--folds", "1", "--output", report.toString());
    assertThat(evaluated).isZero();
    assertThat(Files.readString(report))
        .contains("| all | 2 / 2 |", "| mass | 2 / 2 |", "| outline | all | 2 |",
            "| latent truth | mass | 2 |");

    // The study of a model against itself: the paired differences are exactly 0.
    Path study = dir.resolve("study");
    String onnx = out.resolve("latentcadx-lite.onnx").toString();
    int studied =
        new CommandLine(new StudyCommand())
            .execute(
                "--store", store.toString(), "--validation-fold", "1", "--test-store",
                store.toString(), "--arm", "a=" + onnx, "b=" + onnx, "--output", study.toString(),
                "--figure-lesions", "2");
    assertThat(studied).isZero();
    assertThat(Files.readString(study.resolve("study.md")))
        .contains("### Model selection (validation fold only)", "Paired differences against a",
            "| b | mass | 0.000 [0.000, 0.000] |");
    assertThat(study.resolve("figure.png")).isNotEmptyFile();
    assertThat(Files.readAllLines(study.resolve("lesions.csv"))).hasSize(1 + 2 * 2 * 4);

    // Whole synthetic images through the SDK (model-scale images, repeated 4x4 for its downsampling).
    // Generator seed 3 gives a mammogram with a mass and a cluster (P_00002_RIGHT_CC), which CBIS-DDSM
    // lists twice, once per lesion type; among the first three lesion images in file order, it is one.
    Path images = dir.resolve("images");
    assertThat(
            new CommandLine(new BuildDatasetCommand())
                .execute("--cbis-root", images.toString(), "--synthetic-patients", "6", "--seed", "3",
                    "--size", "300x400"))
        .isZero();
    assertThat(images.resolve("Calc-Training_P_00002_RIGHT_CC")).isDirectory();
    assertThat(images.resolve("Mass-Training_P_00002_RIGHT_CC")).isDirectory();
    int imaged =
        new CommandLine(new ImageStudyCommand())
            .execute(
                "--cbis-root", images.toString(), "--arm", "a=" + onnx, "--lesion-images", "3",
                "--normal-images", "2", "--output", study.toString());
    assertThat(imaged).isZero();
    assertThat(Files.readString(study.resolve("images.md")))
        .contains("5 images (3 with", "| a | ", "FROC points");
    assertThat(study.resolve("threshold-a.txt")).isNotEmptyFile();
    List<String> scores = Files.readAllLines(study.resolve("scores-a.csv"));
    assertThat(scores).hasSize(1 + 5).first()
        .isEqualTo("image,lesion_image,image_probability,map_peak,peak_in_outline,peak_distance,lesion_types");
    assertThat(scores.subList(1, 6))
        .allSatisfy(line -> assertThat(line)
            .matches(".*,1,[0-9.]+,[0-9.]+,(1,0\\.0|0,[0-9]*[1-9][0-9]*\\.[0-9]|0,[0-9]+\\.[1-9]),[a-z+]+|.*,0,[0-9.]+,[0-9.]+,,,"))
        .filteredOn(line -> line.contains("P_00002_RIGHT_CC"))
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("Calc-Training_P_00002_RIGHT_CC/").endsWith(",mass+calcification"));

    // Batch normalisation: after recalibration on the clean patches, the moving statistics are theirs.
    Path recalibrated = dir.resolve("recalibrated.onnx");
    Path check = dir.resolve("batch-norm.md");
    Path recheck = dir.resolve("batch-norm-recalibrated.md");
    assertThat(
            new CommandLine(new BatchNormCheckCommand())
                .execute("--store", store.toString(), "--validation-fold", "1", "--model", onnx, "--patches", "8",
                    "--output", check.toString(), "--recalibrate", recalibrated.toString()))
        .isZero();
    assertThat(
            new CommandLine(new BatchNormCheckCommand())
                .execute("--store", store.toString(), "--validation-fold", "1", "--model", recalibrated.toString(),
                    "--patches", "8", "--output", recheck.toString()))
        .isZero();
    List<String> rows = Files.readAllLines(recheck).subList(2, Files.readAllLines(recheck).size());
    assertThat(rows).hasSize(Files.readAllLines(check).size() - 2).hasSizeGreaterThan(20);
    for (String row : rows) {
      String[] cells = row.split("\\|");
      assertThat(Double.parseDouble(cells[2].strip())).as(row).isLessThanOrEqualTo(0.01); // mean shift
      assertThat(Double.parseDouble(cells[3].strip())).as(row).isBetween(0.99, 1.01); // variance ratio
    }

    // Hard negatives of the same images: every old patch kept in order, then normal windows of training
    // patients only.
    Path imageStore = dir.resolve("image-store");
    assertThat(
            new CommandLine(new BuildDatasetCommand())
                .execute("--cbis-root", images.toString(), "--store", imageStore.toString(), "--folds", "2"))
        .isZero();
    Path mined = dir.resolve("mined");
    assertThat(
            new CommandLine(new MineHardNegativesCommand())
                .execute("--store", imageStore.toString(), "--cbis-root", images.toString(), "--model", onnx,
                    "--validation-fold", "0", "--threshold", "0.05", "--per-image", "2", "--output",
                    mined.toString()))
        .isZero();
    PatchStore before = PatchStore.open(imageStore);
    PatchStore after = PatchStore.open(mined);
    assertThat(after.records().subList(0, before.size())).isEqualTo(before.records());
    List<PatchRecord> added = after.records().subList(before.size(), after.size());
    assertThat(added).isNotEmpty().allMatch(r -> r.type() == LesionType.NORMAL && r.fold() == 1);
    assertThat(added.stream().collect(Collectors.groupingBy(PatchRecord::sourceImage, Collectors.counting())))
        .allSatisfy((image, count) -> assertThat(count).isLessThanOrEqualTo(2));
  }
}
