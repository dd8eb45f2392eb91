package org.latentcadx.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.trainer.data.synthetic.GeneratorOptions;
import org.latentcadx.trainer.data.synthetic.SyntheticDataset;

/** Synthetic data in the CBIS-DDSM layout → reader → patch store, end to end. */
class DatasetBuilderTest {

  @TempDir Path dir;

  @Test
  void buildsAStoreWithPatientDisjointFoldsAndSdkScaledPixels() throws IOException {
    Path root = dir.resolve("cbis");
    new SyntheticDataset(GeneratorOptions.defaults().withSize(320, 480), 0.2, 0.4).generate(root, 4, 11);
    CbisDdsmReader.Result cbis = CbisDdsmReader.read(root);
    List<NormalImage> normals = NormalImage.scan(root.resolve("normals"));
    DatasetBuilder.Options options = new DatasetBuilder.Options(256, 288, 1, 128, 0.5, 3, 5, 0);

    PatchStore store = DatasetBuilder.build(cbis.abnormalities(), normals, root, options, dir.resolve("store"));

    assertThat(store.folds()).isEqualTo(3);
    long positives = store.records().stream().filter(r -> r.label() == 1).count();
    assertThat(positives).isEqualTo(cbis.abnormalities().size()).isPositive();
    assertThat(store.records().stream().filter(r -> r.label() == 0).count()).isPositive();
    Map<String, Integer> foldOfPatient = new HashMap<>();
    for (PatchRecord r : store.records()) {
      assertThat(foldOfPatient.computeIfAbsent(r.patientId(), p -> r.fold())).as(r.patientId()).isEqualTo(r.fold());
      assertThat(r.latentKnown()).isEqualTo(r.label() == 1);
    }
    // the stored centre pixel is the source PNG's grey level / (2^16 − 1), as the SDK normalises it
    for (int i = 0; i < store.size(); i++) {
      PatchRecord r = store.record(i);
      // read with ImageIO directly, not through the SDK whose preprocessing is under test
      java.awt.image.Raster source = javax.imageio.ImageIO.read(root.resolve(r.sourceImage()).toFile()).getRaster();
      Patch patch = store.patch(i);
      int c = store.contextSize() / 2;
      float expected = source.getSample(r.centreX(), r.centreY(), 0) / 65535f;
      assertThat(patch.image()[c * store.contextSize() + c]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5f));
      if (r.label() == 1) {
        assertThat(patch.outline()[c * store.contextSize() + c]).isEqualTo((byte) 1);
      }
    }
  }

  @Test
  void aFailedBuildLeavesNoReadableStore() throws IOException {
    Path image = dir.resolve("image.png");
    Path mask = dir.resolve("mask.png");
    GreyPng.write16(image, 40, 40, new short[40 * 40]);
    GreyPng.writeMask(mask, 30, 30, new byte[30 * 30]);
    CbisAbnormality wrongMask =
        new CbisAbnormality(
            "P_00001", 2, Side.LEFT, View.CC, 1, LesionType.MASS, Pathology.BENIGN, false, image, mask,
            java.util.Optional.empty(), java.util.Optional.empty(), "test row");
    Path storeDir = dir.resolve("store");

    assertThatThrownBy(
            () -> DatasetBuilder.build(List.of(wrongMask), List.of(), dir, DatasetBuilder.Options.defaults(1), storeDir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("mask is 30×30 but its image is 40×40");
    assertThatThrownBy(() -> PatchStore.open(storeDir)).isInstanceOf(IOException.class);
  }
}
