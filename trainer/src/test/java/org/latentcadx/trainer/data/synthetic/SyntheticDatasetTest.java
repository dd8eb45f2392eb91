package org.latentcadx.trainer.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.trainer.data.CbisColumns;

class SyntheticDatasetTest {

  private static final GeneratorOptions SMALL = GeneratorOptions.defaults().withSize(320, 480);

  @TempDir Path dir;

  @Test
  void sameSeedGivesIdenticalBytesInEveryFile() throws IOException {
    SyntheticDataset dataset = new SyntheticDataset(SMALL, 0.3, 0.3);
    dataset.generate(dir.resolve("a"), 3, 42);
    dataset.generate(dir.resolve("b"), 3, 42);
    dataset.generate(dir.resolve("c"), 1, 43);

    Map<String, byte[]> a = files(dir.resolve("a"));
    assertThat(a.keySet()).contains(CbisColumns.DESCRIPTION_FILES.toArray(String[]::new));
    assertThat(a.keySet()).anyMatch(f -> f.endsWith("000001.png")).anyMatch(f -> f.startsWith("normals/"));
    Map<String, byte[]> b = files(dir.resolve("b"));
    assertThat(b.keySet()).isEqualTo(a.keySet());
    a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
    assertThat(files(dir.resolve("c")).get("contact-sheet.png")).isNotEqualTo(a.get("contact-sheet.png"));
  }

  @Test
  void descriptionFilesUseCbisColumnsAndRelativePaths() throws IOException {
    new SyntheticDataset(SMALL, 0, 0).generate(dir, 2, 7);

    List<String> mass = Files.readAllLines(dir.resolve("mass_case_description_train_set.csv"));
    assertThat(mass.get(0))
        .isEqualTo(
            "patient_id,breast_density,\"left or right breast\",\"image view\",\"abnormality id\","
                + "\"abnormality type\",\"mass shape\",\"mass margins\",assessment,pathology,subtlety,"
                + "\"image file path\",\"cropped image file path\",\"ROI mask file path\","
                + "\"latent mask file path\"");
    assertThat(Files.readAllLines(dir.resolve("calc_case_description_train_set.csv")).get(0))
        .startsWith("patient_id,\"breast density\",");
    assertThat(mass.size()).isGreaterThan(1);
    assertThat(mass.get(1)).startsWith("P_0000").contains("Mass-Training_P_0000").contains(",mass,");
  }

  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }
}
