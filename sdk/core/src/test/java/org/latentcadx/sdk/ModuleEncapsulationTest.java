package org.latentcadx.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/**
 * The SDK is a named module that exports only its API packages. The build runs this on the module path
 * (Surefire does so for a module with a descriptor); on the class path the module would be unnamed and
 * this test fails, so it also guards against the tests silently leaving the module path.
 */
class ModuleEncapsulationTest {

  private static final Module SDK = LesionDetector.class.getModule();

  @Test
  void theSdkRunsAsANamedModule() {
    assertThat(SDK.isNamed()).isTrue();
    assertThat(SDK.getName()).isEqualTo("org.latentcadx.sdk");
  }

  @Test
  void onlyTheApiPackagesAreExported() {
    assertThat(SDK.getDescriptor().exports())
        .allSatisfy(export -> assertThat(export.isQualified()).as(export.source()).isFalse())
        .extracting(ModuleDescriptor.Exports::source)
        .containsExactlyInAnyOrder(
            "org.latentcadx.sdk", "org.latentcadx.sdk.metrics", "org.latentcadx.sdk.model", "org.latentcadx.sdk.render",
            "org.latentcadx.sdk.spi");
    assertThat(SDK.getPackages())
        .filteredOn(name -> name.contains(".internal"))
        .isNotEmpty()
        .allSatisfy(internal -> assertThat(SDK.isExported(internal)).as(internal).isFalse());
  }

  @Test
  void imageFormatsAreAServiceTheModuleUses() {
    assertThat(SDK.getDescriptor().uses()).containsExactly("org.latentcadx.sdk.spi.ImageFormat");
  }
}
