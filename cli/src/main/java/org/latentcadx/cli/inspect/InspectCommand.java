package org.latentcadx.cli.inspect;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.latentcadx.cli.BundledModels;
import org.latentcadx.cli.ExitCodes;
import org.latentcadx.cli.ModelOption;
import org.latentcadx.cli.UsageException;
import org.latentcadx.cli.io.Json;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.ModelInfo;
import org.latentcadx.sdk.ModelSource;
import org.latentcadx.sdk.model.ModelCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code latentcadx inspect}: what a model is (metadata, tensors, provenance, SHA-256) and which ONNX
 * Runtime execution providers this process can use.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Shows a model's name, version, SHA-256, contract parameters, input and output tensors and"
          + " training provenance (after checking it against the model contract), and the ONNX"
          + " Runtime execution providers available here."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the model is valid", "2:usage error, or the model is missing or invalid"})
public final class InspectCommand implements Callable<Integer> {

  private static final String PROVENANCE_PREFIX = "latentcadx.provenance.";

  @CommandLine.Mixin private ModelOption model;

  @Option(names = "--list", description = "List the bundled models (name, version, SHA-256, tile, factor) instead.")
  private boolean list;

  @Option(names = "--json", description = "Print JSON instead of text.")
  private boolean json;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  /** What {@code inspect} reports. */
  record Report(
      String name,
      String version,
      String source,
      String sha256,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          String intendedUse,
      Map<String, Object> contract,
      List<Tensor> tensors,
      Map<String, String> provenance,
      Map<String, String> otherMetadata,
      List<String> availableExecutionProviders) {}

  /** An input or output tensor of the model contract. */
  record Tensor(String role, String name, String type, String shape) {}

  @Override
  public Integer call() throws Exception {
    Report report;
    PrintWriter out = spec.commandLine().getOut();
    if (list) {
      listBundledModels(out);
      return ExitCodes.OK;
    }
    try (LesionDetector detector = model.open(builder -> builder)) {
      report = report(detector.modelInfo());
    } catch (UsageException e) {
      if (e.getCause() instanceof LatentCadxException cause && cause.code() == ErrorCode.INCOMPATIBLE_MODEL) {
        throw new UsageException(everyViolation(), cause);
      }
      throw e;
    }
    if (json) {
      out.println(Json.mapper().writeValueAsString(report));
    } else {
      printText(out, report);
    }
    out.flush();
    return ExitCodes.OK;
  }

  static Report report(ModelInfo info) {
    Map<String, String> metadata = new TreeMap<>(info.metadata());
    Map<String, Object> contract = new LinkedHashMap<>();
    contract.put("contractVersion", metadata.get("latentcadx.contract_version"));
    contract.put("tileSize", info.tileSize());
    contract.put("defaultStride", info.defaultStride());
    contract.put("downsampleFactor", info.downsampleFactor());
    contract.put("normalization", info.normalization());
    contract.put("decisionThreshold", (double) info.decisionThreshold());
    contract.put("mapSmoothing", info.mapSmoothing());
    String tile = "[N, 1, " + info.tileSize() + ", " + info.tileSize() + "]";
    List<Tensor> tensors =
        List.of(
            new Tensor("input", metadata.get("latentcadx.input_name"), "float32", tile),
            new Tensor("output", metadata.get("latentcadx.output_probability_name"), "float32", "[N]"),
            new Tensor("output", metadata.get("latentcadx.output_mask_name"), "float32", tile));
    Map<String, String> provenance = new TreeMap<>();
    Map<String, String> other = new TreeMap<>();
    metadata.forEach(
        (key, value) -> {
          if (key.startsWith(PROVENANCE_PREFIX)) {
            provenance.put(key.substring(PROVENANCE_PREFIX.length()), value);
          } else if (!key.startsWith("latentcadx.")) {
            other.put(key, value);
          }
        });
    return new Report(
        info.name(),
        info.version(),
        info.source(),
        info.sha256(),
        info.intendedUse().orElse(null),
        contract,
        tensors,
        provenance,
        other,
        availableProviders());
  }

  /** The execution providers of the ONNX Runtime build on the classpath, e.g. {@code [CPU]}. */
  static List<String> availableProviders() {
    EnumSet<OrtProvider> providers = OrtEnvironment.getAvailableProviders();
    return providers.stream().map(OrtProvider::getName).toList();
  }

  /** One line per bundled model; its model card is NAME.md beside it in the models JAR. */
  private static void listBundledModels(PrintWriter out) throws UsageException {
    out.printf("%-18s %-8s %-64s %5s %6s%n", "NAME", "VERSION", "SHA-256", "TILE", "FACTOR");
    for (String name : BundledModels.names()) {
      try (LesionDetector detector = LesionDetector.builder(ModelSource.classpath(name)).build()) {
        ModelInfo info = detector.modelInfo();
        out.printf("%-18s %-8s %-64s %5d %6d%n", info.name(), info.version(), info.sha256(), info.tileSize(),
            info.downsampleFactor());
      } catch (LatentCadxException e) {
        throw new UsageException("bundled model " + name + ": " + e.code() + ": " + e.getMessage(), e);
      }
    }
    out.println("Model cards: org/latentcadx/models/NAME.md in the models JAR (onnx-models/src/main/resources).");
    out.flush();
  }

  /** Every contract violation of the model, one per line (a detector names only the first). */
  private String everyViolation() throws UsageException {
    try {
      List<String> violations = ModelCheck.violations(model.source());
      StringBuilder text = new StringBuilder(model.source().description() + " breaks the model contract (see"
          + " sdk/MODEL_CONTRACT.md) in " + violations.size() + " way(s):");
      for (String violation : violations) {
        text.append(System.lineSeparator()).append("  - ").append(violation);
      }
      return text.toString();
    } catch (LatentCadxException e) {
      throw new UsageException(e.code() + ": " + e.getMessage(), e);
    }
  }

  private static void printText(PrintWriter out, Report report) {
    out.printf("model:      %s %s%n", report.name(), report.version());
    out.printf("source:     %s%n", report.source());
    out.printf("sha256:     %s%n", report.sha256());
    out.printf("use:        %s%n", report.intendedUse() == null ? "(the model does not say)" : report.intendedUse());
    out.println("contract:");
    report.contract().forEach((key, value) -> out.printf("  %-18s %s%n", key, value));
    out.println("tensors:");
    for (Tensor tensor : report.tensors()) {
      out.printf("  %-6s %-12s %s %s%n", tensor.role(), tensor.name(), tensor.type(), tensor.shape());
    }
    out.println("provenance:" + (report.provenance().isEmpty() ? " (none recorded)" : ""));
    report.provenance().forEach((key, value) -> out.printf("  %-18s %s%n", key, value));
    if (!report.otherMetadata().isEmpty()) {
      out.println("other metadata:");
      report.otherMetadata().forEach((key, value) -> out.printf("  %-18s %s%n", key, value));
    }
    out.println("execution providers available here: " + String.join(", ", report.availableExecutionProviders()));
  }
}
