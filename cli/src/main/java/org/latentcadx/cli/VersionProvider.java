package org.latentcadx.cli;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.ModelInfo;
import org.latentcadx.sdk.ModelSource;
import org.latentcadx.sdk.dicom.DicomReader;
import picocli.CommandLine;

/**
 * What {@code --version} shows: the build (version and commit), ONNX Runtime and its providers, Java,
 * the bundled models with their versions, and the JPEG 2000 decoder in use.
 */
final class VersionProvider implements CommandLine.IVersionProvider {

  private static final String GIT_PROPERTIES = "org/latentcadx/cli/git.properties";

  @Override
  public String[] getVersion() {
    List<String> lines = new ArrayList<>();
    String version = LatentCadxCli.class.getPackage().getImplementationVersion();
    lines.add("latentcadx " + (version == null ? "(development build)" : version) + commit());
    OrtEnvironment ort = OrtEnvironment.getEnvironment();
    lines.add("ONNX Runtime " + ort.getVersion() + ", providers " + OrtEnvironment.getAvailableProviders());
    lines.add("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") on "
        + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    List<String> models = new ArrayList<>();
    for (String name : BundledModels.names()) {
      models.add(name + " " + modelVersion(name));
    }
    lines.add("bundled models: " + (models.isEmpty() ? "none" : String.join(", ", models)));
    lines.add("JPEG 2000 decoder: " + DicomReader.jpeg2000Decoder());
    return lines.toArray(String[]::new);
  }

  /** ", commit abc1234" (with "+modified" for a build from a changed tree); empty when unknown. */
  private static String commit() {
    try (InputStream in = VersionProvider.class.getClassLoader().getResourceAsStream(GIT_PROPERTIES)) {
      if (in == null) {
        return "";
      }
      Properties git = new Properties();
      git.load(in);
      String id = git.getProperty("git.commit.id.abbrev", "");
      boolean dirty = Boolean.parseBoolean(git.getProperty("git.dirty", "false"));
      return id.isEmpty() ? "" : ", commit " + id + (dirty ? "+modified" : "");
    } catch (IOException e) {
      return "";
    }
  }

  private static String modelVersion(String name) {
    try (LesionDetector detector = LesionDetector.builder(ModelSource.classpath(name)).build()) {
      ModelInfo info = detector.modelInfo();
      return info.version();
    } catch (LatentCadxException e) {
      return "(cannot be loaded: " + e.code() + ")";
    }
  }
}
