package org.latentcadx.trainer;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import com.google.common.hash.Hashing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentcadx.sdk.model.ModelContract;
import org.latentcadx.trainer.onnx.ContractMetadata;
import org.latentcadx.trainer.onnx.ModelEnsemble;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes one contract model that averages the probabilities and masks of several trained models of
 * the same contract (e.g. the same configuration trained from different seeds); see {@link ModelEnsemble}.
 */
@Command(
    name = "ensemble",
    mixinStandardHelpOptions = true,
    description = "Average several trained models of the same contract into one ONNX model.")
public final class EnsembleCommand implements Callable<Integer> {
  @Option(names = "--member", required = true, arity = "2..*", description = "The members' ONNX files.")
  List<Path> members;

  @Option(names = "--model-name", required = true, description = "Name of the ensemble model.")
  String modelName;

  @Option(names = "--decision-threshold", description = "Decision threshold written into the metadata (default: the first member's); choose it on validation images.")
  Double decisionThreshold;

  @Option(names = "--output", required = true, description = "The ensemble's ONNX file.")
  Path output;

  public static void main(String[] args) {
    System.exit(new CommandLine(new EnsembleCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<ModelProto> models = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    List<String> seeds = new ArrayList<>();
    for (Path member : members) {
      byte[] bytes = Files.readAllBytes(member);
      ModelProto model = ModelProto.parseFrom(bytes);
      models.add(model);
      hashes.add(Hashing.sha256().hashBytes(bytes).toString());
      seeds.add(property(model, ContractMetadata.PROVENANCE_PREFIX + "seed", member));
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(ModelContract.KEY_MODEL_NAME, modelName);
    if (decisionThreshold != null) {
      if (!(decisionThreshold > 0 && decisionThreshold < 1)) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "--decision-threshold must be in (0, 1), got " + decisionThreshold);
      }
      metadata.put(ModelContract.KEY_DECISION_THRESHOLD, String.format(Locale.ROOT, "%s", decisionThreshold));
    }
    String provenance = ContractMetadata.PROVENANCE_PREFIX;
    metadata.put(provenance + "seed", String.join(",", seeds));
    metadata.put(provenance + "ensemble", "mean of " + members.size() + " members, sha256 " + String.join(",", hashes));
    metadata.put(provenance + "date", Instant.now().toString());
    Files.write(output, ModelEnsemble.of(models, metadata).toByteArray());
    System.out.println("Wrote " + output + " (" + members.size() + " members, seeds " + String.join(",", seeds) + ")");
    return 0;
  }

  private static String property(ModelProto model, String key, Path file) {
    return model.getMetadataPropsList().stream()
        .filter(p -> p.getKey().equals(key))
        .map(StringStringEntryProto::getValue)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(file + ": no " + key + " in the model's metadata"));
  }
}
