package org.latentcadx.trainer.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.latentcadx.sdk.internal.FloatGrid;

/**
 * Builds a patch store from CBIS-DDSM-layout abnormalities (positives) and normal images (negatives):
 * images are read once, brought to the model scale with the SDK's preprocessing, cut into context
 * windows and written with their patient's fold. The natural imbalance is kept.
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
   */
  public record Options(
      int tileSize, int contextSize, int downsampleFactor, int stride, double maxAirFraction, int folds,
      long foldSeed) {

    /** 256-pixel tiles in 320-pixel windows, stride 256, at most half air, 5 folds. */
    public static Options defaults(int downsampleFactor) {
      return new Options(256, 320, downsampleFactor, 256, 0.5, 5, 1);
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
    try (PatchStoreWriter writer =
        PatchStoreWriter.create(storeDirectory, options.tileSize(), options.contextSize(), options.folds())) {
      for (Map.Entry<Path, List<CbisAbnormality>> entry : byImage.entrySet()) {
        ModelScale.Scaled image = scale.image(entry.getKey());
        for (CbisAbnormality a : entry.getValue()) {
          FloatGrid outline = scale.mask(a.roiMask(), image.originalWidth(), image.originalHeight());
          FloatGrid latent =
              a.latentMask().isPresent()
                  ? scale.mask(a.latentMask().get(), image.originalWidth(), image.originalHeight())
                  : null;
          PatchRecord record =
              new PatchRecord(
                  folds.get(a.patientId()), a.type(), a.pathology(), a.patientId(), relative(root, a.image()), 0,
                  0, latent != null);
          writer.add(extractor.positive(image.grid(), outline, latent, record));
        }
      }
      for (NormalImage normal : normals) {
        ModelScale.Scaled image = scale.image(normal.file());
        PatchRecord template =
            new PatchRecord(
                folds.get(normal.patientId()), LesionType.NORMAL, Pathology.NONE, normal.patientId(),
                relative(root, normal.file()), 0, 0, false);
        for (Patch patch : extractor.negatives(image.grid(), template)) {
          writer.add(patch);
        }
      }
    }
    return PatchStore.open(storeDirectory);
  }

  private static String relative(Path root, Path file) {
    Path r = file.toAbsolutePath().normalize();
    Path base = root.toAbsolutePath().normalize();
    return (r.startsWith(base) ? base.relativize(r) : r).toString().replace('\\', '/');
  }
}
