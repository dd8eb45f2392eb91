package org.latentcadx.trainer;

import java.util.Locale;
import org.latentcadx.trainer.data.Augmentation;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --augmentation} and {@code --noise-sigma} options of the commands that train or check a
 * model (picocli mixin), and the {@link Augmentation} they name.
 */
public final class AugmentationOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--augmentation", defaultValue = "dihedral", description = "dihedral (quarter turns and mirror images, shift ±16 px, no noise), paper (rotation ±15°, shift ±16 px, noise σ 0.01) or none (${DEFAULT-VALUE}).")
  String augmentation;

  @Option(names = "--noise-sigma", description = "Standard deviation of the augmentation's Gaussian noise instead of its preset's.")
  Double noiseSigma;

  /**
   * The named preset, with the given noise if any.
   *
   * @throws CommandLine.ParameterException for an unknown preset name
   */
  public Augmentation augmentation() {
    Augmentation preset;
    try {
      preset = Augmentation.named(augmentation.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(command.commandLine(), "--augmentation: " + e.getMessage());
    }
    return noiseSigma == null ? preset : preset.withNoise(noiseSigma);
  }
}
