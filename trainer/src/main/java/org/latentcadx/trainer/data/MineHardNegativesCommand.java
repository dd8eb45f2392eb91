package org.latentcadx.trainer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.Lesion;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.ModelSource;
import org.latentcadx.sdk.ProbabilityMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Hard-negative mining: runs a trained model over the whole training images of a store's source folder
 * (every fold but the validation fold), and where its map marks a region whose context window holds no
 * part of any outline, cuts that window as a normal patch. Writes a new store with every patch of the
 * old one followed by the mined patches (same folds), for a fine-tuning run ({@code TrainCommand
 * --initial-weights}). Normal training patches are otherwise the stride-256 tiles of normal images, so
 * the tissue a model confuses with lesions, in lesion images above all, is rarely seen as negative.
 */
@Command(
    name = "mine-hard-negatives",
    mixinStandardHelpOptions = true,
    description = "Add the training images' false-positive regions of a model to a patch store as normal patches.")
public final class MineHardNegativesCommand implements Callable<Integer> {

  @Option(names = "--store", required = true, description = "The patch store the model was trained on.")
  Path store;

  @Option(names = "--cbis-root", required = true, description = "The folder the store was built from (CBIS-DDSM layout, with normals/).")
  Path root;

  @Option(names = "--model", required = true, description = "The trained model (ONNX).")
  Path model;

  @Option(names = "--validation-fold", defaultValue = "0", description = "Fold whose patients are not mined (${DEFAULT-VALUE}).")
  int validationFold;

  @Option(names = "--threshold", defaultValue = "0.5", description = "Map threshold of a mark (${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--per-image", defaultValue = "4", description = "Most mined windows per image, highest marks first (${DEFAULT-VALUE}).")
  int perImage;

  @Option(names = "--upscale", defaultValue = "4", description = "Each pixel is repeated N×N before detection, as for image-study (${DEFAULT-VALUE}).")
  int upscale;

  @Option(names = "--threads", defaultValue = "1", description = "ONNX Runtime threads (${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--output", required = true, description = "The new store's directory.")
  Path output;

  public static void main(String[] args) {
    System.exit(new CommandLine(new MineHardNegativesCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PatchStore source = PatchStore.open(store);
    Map<String, Integer> folds = new HashMap<>();
    source.records().forEach(r -> folds.put(r.patientId(), r.fold()));
    Map<Path, List<Path>> outlinesByImage = new LinkedHashMap<>();
    Map<Path, String> patientByImage = new LinkedHashMap<>();
    for (CbisAbnormality a : CbisDdsmReader.read(root).abnormalities()) {
      outlinesByImage.computeIfAbsent(a.image(), k -> new ArrayList<>()).add(a.roiMask());
      patientByImage.put(a.image(), a.patientId());
    }
    for (NormalImage normal : NormalImage.scan(root.resolve("normals"))) {
      outlinesByImage.put(normal.file(), List.of());
      patientByImage.put(normal.file(), normal.patientId());
    }
    ModelScale scale = new ModelScale(1, source.tileSize());
    PatchExtractor extractor = new PatchExtractor(source.tileSize(), source.contextSize(), source.tileSize(), 1);
    List<Patch> mined = new ArrayList<>();
    int imagesMined = 0;
    try (LesionDetector detector =
        LesionDetector.builder(ModelSource.path(model)).intraOpThreads(threads).build()) {
      for (Map.Entry<Path, List<Path>> image : outlinesByImage.entrySet()) {
        Integer fold = folds.get(patientByImage.get(image.getKey()));
        if (fold == null || fold == validationFold) {
          continue; // a patient of the validation fold, or one the store does not hold
        }
        PatchRecord template =
            new PatchRecord(fold, LesionType.NORMAL, Pathology.NONE, patientByImage.get(image.getKey()),
                DatasetBuilder.relative(root, image.getKey()), 0, 0, false);
        mined.addAll(mine(detector, scale, extractor, image.getKey(), image.getValue(), template));
        imagesMined++;
      }
    }
    try (PatchStoreWriter writer =
        PatchStoreWriter.create(output, source.tileSize(), source.contextSize(), source.folds())) {
      for (int i = 0; i < source.size(); i++) {
        writer.add(source.patch(i));
      }
      for (Patch patch : mined) {
        writer.add(patch);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(output.resolve(StoreIndex.INDEX_FILE)); // a failed store must not look complete
      throw e;
    }
    System.out.printf(
        "mined %d hard negatives from %d training images (marks >= %.2f, at most %d per image); %s holds %d patches%n",
        mined.size(), imagesMined, threshold, perImage, output, source.size() + mined.size());
    System.out.print(StoreSummary.table(PatchStore.open(output)));
    return 0;
  }

  /**
   * The mined windows of one image: its marks, highest first, whose context window holds no outline
   * pixel and whose centre is at least half a tile from every window already taken.
   */
  private List<Patch> mine(
      LesionDetector detector, ModelScale scale, PatchExtractor extractor, Path file, List<Path> outlines,
      PatchRecord template) throws IOException, LatentCadxException {
    MammogramImage original = ModelScale.read(file);
    ModelScale.Scaled image = scale.image(original, file);
    ProbabilityMap map = detector.detect(SyntheticImages.upscaled(original, upscale)).probabilityMap();
    if (map.width() != image.grid().width() || map.height() != image.grid().height()) {
      throw new IOException(
          file + ": map is " + map.width() + "x" + map.height() + ", the image " + image.grid().width() + "x"
              + image.grid().height() + " at the model's scale; choose --upscale as the model's downsample factor");
    }
    List<ModelScaleGrid> coverages = new ArrayList<>();
    for (Path outline : outlines) {
      coverages.add(scale.mask(outline, image.originalWidth(), image.originalHeight()));
    }
    List<Patch> taken = new ArrayList<>();
    int minimumDistance = scale.tileSize() / 2;
    List<Lesion> marks = new ArrayList<>(map.lesions(threshold));
    marks.sort(Comparator.comparingDouble(Lesion::peakProbability).reversed());
    for (Lesion mark : marks) {
      int cx = mark.peakMapX();
      int cy = mark.peakMapY();
      boolean nearLesion = coverages.stream().anyMatch(c -> extractor.windowTouches(c, cx, cy));
      boolean nearTaken =
          taken.stream()
              .anyMatch(p -> Math.max(Math.abs(p.record().centreX() - cx), Math.abs(p.record().centreY() - cy))
                  < minimumDistance);
      if (!nearLesion && !nearTaken) {
        taken.add(extractor.negativeAt(image.grid(), template, cx, cy));
        if (taken.size() == perImage) {
          break;
        }
      }
    }
    return taken;
  }
}
