package org.latentcadx.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.latentcadx.sdk.DdsmScanner;
import org.latentcadx.sdk.Device;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.ModelSource;
import org.latentcadx.sdk.LesionDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs golden sets against the SDK on one device. A set's model is its own {@code model.onnx}, its
 * bundled model, or, to check a converted or re-packaged model against the same goldens, a model file
 * given by the caller.
 */
public final class ConformanceKit {

  private static final Logger LOG = LoggerFactory.getLogger(ConformanceKit.class);

  private final GoldenFiles files;
  private final Device device;

  public ConformanceKit(GoldenFiles files, Device device) {
    this.files = files;
    this.device = device;
  }

  /**
   * Runs every case of {@code set}; a case that cannot run (unreadable file, model refused) becomes a
   * failed row naming the cause.
   *
   * @param modelOverride a model file to run instead of the set's model
   */
  public List<CheckResult> run(String set, Optional<Path> modelOverride) {
    GoldenFormat.Manifest manifest = files.manifest(set);
    ModelSource model = modelOverride.map(ModelSource::path).orElseGet(() -> modelOf(set, manifest));
    List<CheckResult> results = new ArrayList<>();
    // Patch cases run prepared tiles (scoreTiles), which no scanner touches; an optical-density model
    // still needs one named before it loads, so any will do for this detector.
    try (LesionDetector detector =
        LesionDetector.builder(model).device(device).scanner(DdsmScanner.HOWTEK_MGH).build()) {
      if (modelOverride.isEmpty()) {
        results.add(checkModelBytes(set, manifest, detector.modelInfo().sha256()));
      }
      for (GoldenFormat.CaseEntry entry : manifest.cases()) {
        String folder = set + "/" + entry.name();
        try {
          results.addAll(
              switch (entry.kind()) {
                case PATCH -> PatchCaseRunner.run(files, folder, entry.dataSets(), detector);
                case IMAGE -> ImageCaseRunner.run(files, folder, model, device);
                case METRICS -> MetricsCaseRunner.run(files, folder, entry.dataSets());
              });
        } catch (Exception e) {
          results.add(failedCase(folder, e));
        }
      }
    } catch (LatentCadxException e) {
      results.add(failedCase(set, e));
    }
    return results;
  }

  /** A case that could not run is a failed row; an unexpected exception is also logged with its trace. */
  private static CheckResult failedCase(String name, Exception e) {
    if (e instanceof LatentCadxException) {
      LOG.warn("{} could not run: {}", name, e.getMessage());
    } else {
      LOG.error("{} failed unexpectedly; please report this with the stack trace", name, e);
    }
    return CheckResult.error(name, "(case)", e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  /** The set's model must be the one the goldens were computed with. */
  private static CheckResult checkModelBytes(String set, GoldenFormat.Manifest manifest, String sha256) {
    return sha256.equalsIgnoreCase(manifest.modelSha256())
        ? new CheckResult(set, "model_sha256", true, sha256)
        : new CheckResult(
            set, "model_sha256", false, "model is " + sha256 + ", goldens were computed with " + manifest.modelSha256());
  }

  private ModelSource modelOf(String set, GoldenFormat.Manifest manifest) {
    return manifest.bundledModel() != null
        ? ModelSource.classpath(manifest.bundledModel())
        : ModelSource.path(files.file(set + "/" + manifest.modelFile()));
  }
}
