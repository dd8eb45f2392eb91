package org.latentcadx.trainer.data.synthetic;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.latentcadx.trainer.data.CbisColumns;
import org.latentcadx.trainer.data.GreyPng;
import org.latentcadx.trainer.data.LesionType;
import org.latentcadx.trainer.data.Side;
import org.latentcadx.trainer.data.View;

/**
 * Generates a synthetic data set in the CBIS-DDSM layout: per lesion image a full-mammogram PNG
 * (16-bit, BitsStored 16), per abnormality a cropped image, an ROI mask (the hand-drawn outline) and a
 * latent-truth mask, four description CSVs with CBIS-DDSM's columns plus {@code latent mask file path},
 * normal images under {@code normals/}, and {@code contact-sheet.png}. See DATA.md.
 *
 * <p>Everything follows from the seed: the same seed and options give byte-identical files (on the
 * same Java platform). Images are generated in parallel, each from its own derived seed.
 */
public final class SyntheticDataset {

  /** UID root of the synthetic study and series folders (CBIS-DDSM's own DICOM UID root). */
  private static final String UID_ROOT = "1.3.6.1.4.1.9590.100.1.2.";

  /** The contact sheet shows the first images with lesions and the first normal ones. */
  private static final int SHEET_LESION_IMAGES = 6;

  private static final int SHEET_NORMAL_IMAGES = 2;

  /**
   * What was generated.
   *
   * @param patients patients
   * @param lesionImages mammograms with at least one lesion
   * @param normalImages mammograms without lesions
   * @param lesions abnormalities (CSV rows) per type
   * @param cutInOutlines outlines designed to cut into their lesion
   */
  public record Summary(
      int patients, int lesionImages, int normalImages, Map<LesionType, Integer> lesions, int cutInOutlines) {}

  /** One planned image. */
  private record ImagePlan(
      String patientId, boolean test, int density, Side side, View view, List<LesionType> lesions, long seed) {}

  /** The files and CSV rows one image produced. */
  private record ImageOutput(ImagePlan plan, SyntheticMammogram mammogram, List<List<String>> massRows,
      List<List<String>> calcRows) {}

  private final GeneratorOptions options;
  private final double testShare;
  private final double normalShare;

  /**
   * @param options how images are drawn
   * @param testShare share of patients put in the {@code test} description files
   * @param normalShare share of images without lesions
   */
  public SyntheticDataset(GeneratorOptions options, double testShare, double normalShare) {
    if (!(testShare >= 0 && testShare <= 1) || !(normalShare >= 0 && normalShare <= 1)) {
      throw new IllegalArgumentException(
          "test share " + testShare + " and normal share " + normalShare + " must be in [0, 1]");
    }
    this.options = options;
    this.testShare = testShare;
    this.normalShare = normalShare;
  }

  /** Writes a data set of {@code patients} patients under {@code root}. */
  public Summary generate(Path root, int patients, long seed) throws IOException {
    List<ImagePlan> plans = plan(patients, seed);
    MammogramGenerator generator = new MammogramGenerator(options);
    List<ImageOutput> outputs;
    try {
      outputs =
          IntStream.range(0, plans.size())
              .parallel()
              .mapToObj(i -> render(root, generator, plans.get(i)))
              .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    List<List<String>> massTrain = new ArrayList<>();
    List<List<String>> massTest = new ArrayList<>();
    List<List<String>> calcTrain = new ArrayList<>();
    List<List<String>> calcTest = new ArrayList<>();
    List<SyntheticMammogram> sheet = new ArrayList<>();
    List<SyntheticMammogram> sheetNormals = new ArrayList<>();
    Map<LesionType, Integer> lesionCounts = new EnumMap<>(LesionType.class);
    int cutIn = 0;
    int normals = 0;
    for (ImageOutput out : outputs) {
      (out.plan().test() ? massTest : massTrain).addAll(out.massRows());
      (out.plan().test() ? calcTest : calcTrain).addAll(out.calcRows());
      if (out.plan().lesions().isEmpty()) {
        normals++;
      }
      for (SyntheticMammogram.RenderedLesion lesion : out.mammogram().lesions()) {
        lesionCounts.merge(lesion.lesion().facts().type(), 1, Integer::sum);
        cutIn += lesion.outlineCutsIn() ? 1 : 0;
      }
      boolean normal = out.plan().lesions().isEmpty();
      if (normal ? sheetNormals.size() < SHEET_NORMAL_IMAGES : sheet.size() < SHEET_LESION_IMAGES) {
        (normal ? sheetNormals : sheet).add(out.mammogram());
      }
    }
    writeCsv(root.resolve(CbisColumns.descriptionFile(LesionType.MASS, false)), CbisColumns.MASS_HEADER, massTrain);
    writeCsv(root.resolve(CbisColumns.descriptionFile(LesionType.MASS, true)), CbisColumns.MASS_HEADER, massTest);
    writeCsv(root.resolve(CbisColumns.descriptionFile(LesionType.CALCIFICATION, false)), CbisColumns.CALC_HEADER, calcTrain);
    writeCsv(root.resolve(CbisColumns.descriptionFile(LesionType.CALCIFICATION, true)), CbisColumns.CALC_HEADER, calcTest);
    sheet.addAll(sheetNormals);
    ContactSheet.write(root.resolve("contact-sheet.png"), sheet, 2);
    return new Summary(patients, plans.size() - normals, normals, lesionCounts, cutIn);
  }

  /** Decides patients, their images and lesions, and each image's seed. */
  private List<ImagePlan> plan(int patients, long seed) {
    Random random = new Random(seed);
    List<ImagePlan> plans = new ArrayList<>();
    for (int p = 1; p <= patients; p++) {
      String patientId = String.format("P_%05d", p);
      boolean test = random.nextDouble() < testShare;
      double d = random.nextDouble();
      int density = d < 0.1 ? 1 : d < 0.5 ? 2 : d < 0.9 ? 3 : 4;
      List<int[]> views = new ArrayList<>(List.of(new int[] {0, 0}, new int[] {0, 1}, new int[] {1, 0}, new int[] {1, 1}));
      java.util.Collections.shuffle(views, random);
      int count = 1 + random.nextInt(4);
      for (int[] sv : views.subList(0, count)) {
        List<LesionType> lesions = new ArrayList<>();
        if (random.nextDouble() >= normalShare) {
          int n = random.nextDouble() < 0.85 ? 1 : 2;
          for (int k = 0; k < n; k++) {
            lesions.add(random.nextDouble() < 0.55 ? LesionType.MASS : LesionType.CALCIFICATION);
          }
        }
        plans.add(
            new ImagePlan(
                patientId, test, density, Side.values()[sv[0]], View.values()[sv[1]], lesions, random.nextLong()));
      }
    }
    return plans;
  }

  private ImageOutput render(Path root, MammogramGenerator generator, ImagePlan plan) {
    SyntheticMammogram m = generator.generate(plan.side(), plan.view(), plan.density(), plan.lesions(), plan.seed());
    try {
      String caseName = plan.patientId() + "_" + plan.side() + "_" + plan.view();
      if (plan.lesions().isEmpty()) {
        GreyPng.write16(root.resolve("normals").resolve(caseName + ".png"), m.width(), m.height(), m.pixels());
        return new ImageOutput(plan, m, List.of(), List.of());
      }
      Random uids = new Random(plan.seed());
      List<List<String>> massRows = new ArrayList<>();
      List<List<String>> calcRows = new ArrayList<>();
      for (LesionType type : List.of(LesionType.MASS, LesionType.CALCIFICATION)) {
        List<SyntheticMammogram.RenderedLesion> ofType =
            m.lesions().stream().filter(l -> l.lesion().facts().type() == type).toList();
        if (ofType.isEmpty()) {
          continue;
        }
        String folder = CbisColumns.folderPrefix(type, plan.test()) + "_" + caseName;
        String imagePath = folder + "/" + uid(uids) + "/" + uid(uids) + "/000000.png";
        GreyPng.write16(root.resolve(imagePath), m.width(), m.height(), m.pixels());
        for (int k = 0; k < ofType.size(); k++) {
          SyntheticMammogram.RenderedLesion lesion = ofType.get(k);
          String roiFolder = folder + "_" + (k + 1) + "/" + uid(uids) + "/" + uid(uids) + "/";
          writeCrop(root.resolve(roiFolder + "000000.png"), m, lesion.outlineMask());
          GreyPng.writeMask(root.resolve(roiFolder + "000001.png"), m.width(), m.height(), lesion.outlineMask());
          GreyPng.writeMask(root.resolve(roiFolder + "latent-mask.png"), m.width(), m.height(), lesion.latentMask());
          Lesion.CbisAttributes a = lesion.lesion().facts().attributes();
          List<String> row =
              List.of(
                  plan.patientId(), Integer.toString(plan.density()), plan.side().name(), plan.view().name(),
                  Integer.toString(k + 1), type.cbisName(), a.shapeOrCalcType(), a.marginsOrDistribution(),
                  Integer.toString(a.assessment()), lesion.lesion().facts().pathology().name(),
                  Integer.toString(a.subtlety()), imagePath, roiFolder + "000000.png", roiFolder + "000001.png",
                  roiFolder + "latent-mask.png");
          (type == LesionType.MASS ? massRows : calcRows).add(row);
        }
      }
      return new ImageOutput(plan, m, massRows, calcRows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String uid(Random random) {
    return UID_ROOT + Long.toUnsignedString(random.nextLong());
  }

  /** Writes the image inside the mask's bounding box (CBIS-DDSM's "cropped image"). */
  private static void writeCrop(Path file, SyntheticMammogram m, byte[] mask) throws IOException {
    int x0 = m.width();
    int y0 = m.height();
    int x1 = -1;
    int y1 = -1;
    for (int y = 0; y < m.height(); y++) {
      for (int x = 0; x < m.width(); x++) {
        if (mask[y * m.width() + x] != 0) {
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x);
          y1 = Math.max(y1, y);
        }
      }
    }
    int w = x1 - x0 + 1;
    int h = y1 - y0 + 1;
    short[] crop = new short[w * h];
    for (int y = 0; y < h; y++) {
      System.arraycopy(m.pixels(), (y0 + y) * m.width() + x0, crop, y * w, w);
    }
    GreyPng.write16(file, w, h, crop);
  }

  private static void writeCsv(Path file, List<String> header, List<List<String>> rows) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    header.forEach(schema::addColumn);
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        SequenceWriter csv = new CsvMapper().writer(schema.build()).writeValues(writer)) {
      for (List<String> row : rows) {
        csv.write(row);
      }
    }
  }
}
