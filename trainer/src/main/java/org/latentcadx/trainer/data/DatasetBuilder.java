package org.latentcadx.trainer.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a patch store from CBIS-DDSM-layout abnormalities (positives) and normal images (negatives):
 * images are read once (several in parallel), brought to the model scale with the SDK's preprocessing, cut into context
 * windows (lesions off-centre by up to {@link Options#lesionOffset}) and written with their patient's
 * fold. The natural imbalance is kept.
 */
public final class DatasetBuilder {

  /**
   * How patches are made.
   *
   * @param tileSize model tile edge (256)
   * @param contextSize stored window edge (≥ tile; room for rotation and random crops)
   * @param downsampleFactor original → model scale (4 for full-field images, 1 for images already at
   *     the model scale)
   * @param stride sliding-window step over normal images, model pixels
   * @param maxAirFraction normal-image tiles with more air than this are skipped
   * @param folds number of folds
   * @param foldSeed seed of the patient-to-fold assignment
   * @param lesionOffset a lesion's window is centred this many model pixels at most (uniformly, in x and
   *     y) away from its outline's centre of mass, so that lesions appear off-centre and outlines cut by
   *     the tile edge as in sliding-window inference; 0 centres every lesion
   */
  public record Options(
      int tileSize, int contextSize, int downsampleFactor, int stride, double maxAirFraction, int folds,
      long foldSeed, int lesionOffset) {

    public Options {
      if (lesionOffset < 0 || lesionOffset > tileSize / 2) {
        throw new IllegalArgumentException(
            "lesion offset must be in [0, " + tileSize / 2 + "] (half a tile), got " + lesionOffset);
      }
    }

    /** 256-pixel tiles in 320-pixel windows, stride 256, at most half air, 5 folds, lesions up to 64 px off-centre. */
    public static Options defaults(int downsampleFactor) {
      return new Options(256, 320, downsampleFactor, 256, 0.5, 5, 1, 64);
    }
  }

  private DatasetBuilder() {}

  /**
   * Writes the store to {@code storeDirectory} and returns it opened.
   *
   * @param root folder the stored source paths are made relative to
   */
  public static PatchStore build(
      List<CbisAbnormality> abnormalities, List<NormalImage> normals, Path root, Options options,
      Path storeDirectory) throws IOException {
    Set<String> patients = new TreeSet<>();
    abnormalities.forEach(a -> patients.add(a.patientId()));
    normals.forEach(n -> patients.add(n.patientId()));
    Map<String, Integer> folds = PatientFolds.assign(patients, options.folds(), options.foldSeed());
    ModelScale scale = new ModelScale(options.downsampleFactor(), options.tileSize());
    PatchExtractor extractor =
        new PatchExtractor(options.tileSize(), options.contextSize(), options.stride(), options.maxAirFraction());
    Map<Path, List<CbisAbnormality>> byImage = new LinkedHashMap<>();
    abnormalities.forEach(a -> byImage.computeIfAbsent(a.image(), k -> new ArrayList<>()).add(a));
    List<ImageJob> jobs = new ArrayList<>();
    byImage.forEach(
        (image, rows) ->
            jobs.add(() -> positives(scale, extractor, root, image, rows, folds, options.lesionOffset())));
    for (NormalImage normal : normals) {
      jobs.add(() -> negatives(scale, extractor, root, normal, folds));
    }
    int chunk = 2 * Runtime.getRuntime().availableProcessors();
    try (PatchStoreWriter writer =
        PatchStoreWriter.create(storeDirectory, options.tileSize(), options.contextSize(), options.folds())) {
      for (int from = 0; from < jobs.size(); from += chunk) {
        List<List<Patch>> done;
        try {
          done = jobs.subList(from, Math.min(jobs.size(), from + chunk)).parallelStream().map(ImageJob::run).toList();
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
        for (List<Patch> patches : done) {
          for (Patch patch : patches) {
            writer.add(patch);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // the writer's close() wrote an index of what was added; a failed build must not look complete
      Files.deleteIfExists(storeDirectory.resolve(StoreIndex.INDEX_FILE));
      throw e;
    }
    return PatchStore.open(storeDirectory);
  }

  /** The patches of one image; images are processed in parallel, patches written in job order. */
  private interface ImageJob {
    List<Patch> call() throws IOException;

    default List<Patch> run() {
      try {
        return call();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static List<Patch> positives(
      ModelScale scale, PatchExtractor extractor, Path root, Path imageFile, List<CbisAbnormality> rows,
      Map<String, Integer> folds, int lesionOffset) throws IOException {
    ModelScale.Scaled image = scale.image(imageFile);
    String source = relative(root, imageFile);
    // seeded by the image's path, so that the offsets do not depend on the order images are processed in
    Random offsets = new Random(source.hashCode());
    List<Patch> patches = new ArrayList<>();
    for (CbisAbnormality a : rows) {
      ModelScaleGrid outline = scale.mask(a.roiMask(), image.originalWidth(), image.originalHeight());
      ModelScaleGrid latent =
          a.latentMask().isPresent()
              ? scale.mask(a.latentMask().get(), image.originalWidth(), image.originalHeight())
              : null;
      PatchRecord record =
          new PatchRecord(
              folds.get(a.patientId()), a.type(), a.pathology(), a.patientId(), source, 0, 0, latent != null);
      int dx = offsets.nextInt(2 * lesionOffset + 1) - lesionOffset;
      int dy = offsets.nextInt(2 * lesionOffset + 1) - lesionOffset;
      patches.add(extractor.positive(image.grid(), outline, latent, record, dx, dy));
    }
    return patches;
  }

  private static List<Patch> negatives(
      ModelScale scale, PatchExtractor extractor, Path root, NormalImage normal, Map<String, Integer> folds)
      throws IOException {
    ModelScale.Scaled image = scale.image(normal.file());
    PatchRecord template =
        new PatchRecord(
            folds.get(normal.patientId()), LesionType.NORMAL, Pathology.NONE, normal.patientId(),
            relative(root, normal.file()), 0, 0, false);
    return extractor.negatives(image.grid(), template);
  }

  /** {@code file}'s path relative to {@code root} with forward slashes (absolute when outside it). */
  static String relative(Path root, Path file) {
    Path r = file.toAbsolutePath().normalize();
    Path base = root.toAbsolutePath().normalize();
    return (r.startsWith(base) ? base.relativize(r) : r).toString().replace('\\', '/');
  }
}
