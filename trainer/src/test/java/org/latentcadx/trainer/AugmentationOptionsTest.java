package org.latentcadx.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.latentcadx.trainer.data.Augmentation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class AugmentationOptionsTest {

  @Command(name = "probe")
  static final class Probe {
    @Mixin AugmentationOptions options;
  }

  private static AugmentationOptions parse(String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.options;
  }

  @Test
  void theDefaultIsTheDihedralPresetAndTheNoiseReplacesThePresets() {
    assertThat(parse().augmentation()).isEqualTo(Augmentation.dihedral());
    assertThat(parse("--augmentation", "PAPER", "--noise-sigma", "0").augmentation())
        .isEqualTo(new Augmentation(15, 16, 0));
  }

  @Test
  void anUnknownPresetIsAUsageError() {
    AugmentationOptions options = parse("--augmentation", "mixup");
    assertThatThrownBy(options::augmentation)
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("paper, dihedral or none");
  }
}
