import java.nio.file.Path;
import org.latentcadx.trainer.data.synthetic.GeneratorOptions;
import org.latentcadx.trainer.data.synthetic.SyntheticDataset;

/**
 * Generates the synthetic data set the bundled samples are cut from: full-field images at the original
 * scale (what the bundled model's ×4 downsampling expects), at the size the models are trained on.
 * Run by samples/tools/make-sample-data with the trainer's class path.
 *
 * <p>Arguments: output folder, width and height at the downsampled scale, patients, seed.
 */
public final class GenerateSyntheticSet {

  private GenerateSyntheticSet() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      throw new IllegalArgumentException("usage: GenerateSyntheticSet OUT WIDTH HEIGHT PATIENTS SEED");
    }
    GeneratorOptions options =
        GeneratorOptions.defaults()
            .withScale(4)
            .withSize(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    SyntheticDataset.Summary summary =
        new SyntheticDataset(options, 0.0, 0.4)
            .generate(Path.of(args[0]), Integer.parseInt(args[3]), Long.parseLong(args[4]));
    System.out.println("generated " + summary);
  }
}
