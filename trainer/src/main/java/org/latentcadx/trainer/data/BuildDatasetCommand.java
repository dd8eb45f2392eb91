package org.latentcadx.trainer.data;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.latentcadx.trainer.data.synthetic.GeneratorOptions;
import org.latentcadx.trainer.data.synthetic.SyntheticDataset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Generates a synthetic data set in the CBIS-DDSM layout and/or builds a patch store from a
 * CBIS-DDSM-layout folder and a folder of normal images, then prints the store's counts per fold and
 * type.
 */
@Command(
    name = "build-dataset",
    mixinStandardHelpOptions = true,
    description = {
      "Generates synthetic CBIS-DDSM-layout data (--synthetic-patients) and/or builds the patch store",
      "(--store) from --cbis-root and --normals; prints patches per fold and type."
    })
public final class BuildDatasetCommand implements Callable<Integer> {

  @Option(names = "--cbis-root", required = true,
      description = "CBIS-DDSM-layout folder with the description CSVs (written to when generating)")
  Path cbisRoot;

  @Option(names = "--normals", description = "folder of normal mammograms (default: <cbis-root>/normals if present)")
  Path normals;

  @Option(names = "--store", description = "patch-store folder to build (omit to only generate)")
  Path store;

  @Option(names = "--synthetic-patients", description = "generate this many synthetic patients first")
  int syntheticPatients;

  @Option(names = "--seed", defaultValue = "1", description = "generator seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--full-field", description = "generate at the original scale (4000×6000) instead of 1000×1500")
  boolean fullField;

  @Option(names = "--size", defaultValue = "1000x1500",
      description = "synthetic image size at the downsampled scale, WIDTHxHEIGHT (default ${DEFAULT-VALUE})")
  String size;

  @Option(names = "--no-vessels", description = "generate without vessels")
  boolean noVessels;

  @Option(names = "--outside-default-ranges", description = "generate with settings outside the default ranges"
      + " (fainter lesions, smoother texture, other gain, offset and noise, wider margins;"
      + " GeneratorOptions.outsideDefaultRanges), for a"
      + " shifted test set")
  boolean outsideDefaultRanges;

  @Option(names = "--test-share", defaultValue = "0.2", description = "share of synthetic patients in the test CSVs")
  double testShare;

  @Option(names = "--normal-share", defaultValue = "0.4", description = "share of synthetic images without lesions")
  double normalShare;

  @Option(names = "--downsample", description = "original → model scale factor (default: 4, or 1 for synthetic"
      + " images generated at the downsampled scale)")
  Integer downsample;

  @Option(names = "--folds", defaultValue = "5", description = "cross-validation folds (default ${DEFAULT-VALUE})")
  int folds;

  @Option(names = "--fold-seed", defaultValue = "1", description = "seed of the patient-to-fold assignment")
  long foldSeed;

  @Option(names = "--stride", defaultValue = "256", description = "sliding-window stride over normal images")
  int stride;

  @Option(names = "--context", defaultValue = "320", description = "stored window edge (≥ 256)")
  int context;

  @Option(names = "--max-air", defaultValue = "0.5", description = "skip normal tiles with more air than this share")
  double maxAir;

  @Option(names = "--lesion-offset", defaultValue = "64",
      description = "centre each lesion's window up to this many model pixels (uniformly in x and y) away from its"
          + " outline's centre, so that lesions sit off-centre as in sliding-window tiles (default ${DEFAULT-VALUE})")
  int lesionOffset;

  @Override
  public Integer call() throws Exception {
    if (syntheticPatients > 0) {
      String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
      if (wh.length != 2) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "--size must be WIDTHxHEIGHT, got '" + size + "'");
      }
      GeneratorOptions options =
          (outsideDefaultRanges ? GeneratorOptions.outsideDefaultRanges() : GeneratorOptions.defaults())
              .withScale(fullField ? 4 : 1)
              .withSize(Integer.parseInt(wh[0].strip()), Integer.parseInt(wh[1].strip()));
      if (noVessels) {
        options = options.withoutVessels();
      }
      long start = System.nanoTime();
      SyntheticDataset.Summary summary =
          new SyntheticDataset(options, testShare, normalShare).generate(cbisRoot, syntheticPatients, seed);
      System.out.printf(
          "generated %d patients: %d lesion images, %d normal images, lesions %s, %d outlines cut in (%.1f s)%n",
          summary.patients(), summary.lesionImages(), summary.normalImages(), summary.lesions(),
          summary.cutInOutlines(), (System.nanoTime() - start) / 1e9);
    }
    if (store == null) {
      return 0;
    }
    long start = System.nanoTime();
    CbisDdsmReader.Result cbis = CbisDdsmReader.read(cbisRoot);
    Path normalFolder = normals != null ? normals : cbisRoot.resolve("normals");
    List<NormalImage> normalImages =
        normals != null || normalFolder.toFile().isDirectory() ? NormalImage.scan(normalFolder) : List.of();
    int factor = downsample != null ? downsample : syntheticPatients > 0 && !fullField ? 1 : 4;
    DatasetBuilder.Options options =
        new DatasetBuilder.Options(256, context, factor, stride, maxAir, folds, foldSeed, lesionOffset);
    PatchStore built = DatasetBuilder.build(cbis.abnormalities(), normalImages, cbisRoot, options, store);
    System.out.printf(
        "read %d abnormalities (%d paths found by case-folder search, %d ROI/crop swaps repaired) and %d normal"
            + " images; built %s in %.1f s%n",
        cbis.abnormalities().size(), cbis.caseFolderSearches(), cbis.swappedRoiAndCrop(), normalImages.size(),
        store, (System.nanoTime() - start) / 1e9);
    System.out.print(StoreSummary.table(built));
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new BuildDatasetCommand()).execute(args));
  }
}
