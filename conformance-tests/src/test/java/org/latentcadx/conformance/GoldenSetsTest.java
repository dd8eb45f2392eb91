package org.latentcadx.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.latentcadx.sdk.Device;

/** The SDK on this machine's CPU reproduces every golden the kit ships: one test per check. */
class GoldenSetsTest {

  @TestFactory
  Stream<DynamicTest> everyCheckOfEverySetPasses() {
    GoldenFiles goldens = GoldenFiles.bundled();
    ConformanceKit kit = new ConformanceKit(goldens, Device.cpu());
    assertThat(goldens.sets()).contains("lite-seed");
    List<CheckResult> results = new ArrayList<>();
    for (String set : goldens.sets()) {
      results.addAll(kit.run(set, Optional.empty()));
    }
    assertThat(results).extracting(CheckResult::check)
        .contains("model_sha256", "probability", "mask", "preprocessed", "tile_origins", "map",
            "image_probability", "lesion_count", "lesion_map_boxes", "roc_auc", "average_precision");
    return results.stream()
        .map(
            r ->
                DynamicTest.dynamicTest(
                    r.caseName() + " " + r.check(),
                    () -> assertThat(r.passed()).as(r.detail()).isTrue()));
  }
}
