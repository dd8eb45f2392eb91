package org.latentcadx.conformance;

import ai.onnxruntime.OrtEnvironment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.latentcadx.sdk.Device;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar latentcadx-conformance.jar [--model M] [--device cpu|cuda:N]}: runs the golden sets
 * on this machine, prints a pass/fail table per case and check, and exits 0 when every check passes, 1
 * when one fails, 2 on a usage error.
 */
@Command(
    name = "latentcadx-conformance",
    mixinStandardHelpOptions = true,
    description = "Checks that this machine's ONNX Runtime and LatentCADx SDK reproduce the golden outputs.")
public final class ConformanceCommand implements Callable<Integer> {

  @Option(
      names = "--model",
      paramLabel = "M",
      description = "Golden set(s) to run (default: all), e.g. lite-seed.")
  private List<String> sets = new ArrayList<>();

  @Option(
      names = "--model-file",
      paramLabel = "FILE",
      description = "Run this ONNX file instead of the set's own model (one set only), e.g. a converted copy.")
  private Path modelFile;

  @Option(
      names = "--device",
      paramLabel = "cpu|cuda:N|auto",
      defaultValue = "cpu",
      description = "Where the model runs (default: ${DEFAULT-VALUE}). CUDA needs onnxruntime_gpu on the class path.")
  private String deviceName;

  @Option(
      names = "--goldens",
      paramLabel = "DIR",
      description = "Read goldens from this folder instead of the JAR.")
  private Path goldens;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Device device;
    try {
      device = Device.parse(deviceName);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--device: " + e.getMessage());
    }
    GoldenFiles files = goldens == null ? GoldenFiles.bundled() : GoldenFiles.folder(goldens);
    ConformanceKit kit = new ConformanceKit(files, device);
    List<String> available = files.sets();
    List<String> chosen = sets.isEmpty() ? available : sets;
    if (modelFile != null && chosen.size() != 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--model-file needs exactly one --model set; available: " + available);
    }
    List<CheckResult> results = new ArrayList<>();
    for (String set : chosen) {
      if (!available.contains(set)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "unknown golden set '" + set + "'; available: " + available);
      }
      results.addAll(kit.run(set, Optional.ofNullable(modelFile)));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(runtimeDescription(device));
    ReportTable.print(results, out);
    out.flush();
    return results.stream().allMatch(CheckResult::passed) ? 0 : 1;
  }

  /** The runtime under test, for the head of the report. */
  private static String runtimeDescription(Device device) {
    return "ONNX Runtime " + OrtEnvironment.getEnvironment().getVersion()
        + " (providers " + OrtEnvironment.getAvailableProviders() + "), device " + device
        + ", Java " + Runtime.version() + " on " + System.getProperty("os.name") + " "
        + System.getProperty("os.arch");
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ConformanceCommand()).execute(args));
  }
}
