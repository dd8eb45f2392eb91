package org.latentcadx.trainer.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.latentcadx.trainer.model.Weights;

/**
 * A resumable training checkpoint in a directory: {@value #WEIGHTS} (all variables, batch-norm moving
 * statistics and momentum slots included, see {@link Weights}) and {@value #STATE} (stage, epoch,
 * early-stopping state, history). Data order and augmentation derive from the seed, stage and epoch,
 * so no random-generator state needs saving. Both files are replaced atomically, weights first.
 */
public record Checkpoint(Weights weights, TrainingState state) {
  public static final String WEIGHTS = "weights.bin";
  public static final String STATE = "state.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public static boolean exists(Path directory) {
    return Files.isRegularFile(directory.resolve(STATE))
        && Files.isRegularFile(directory.resolve(WEIGHTS));
  }

  public void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path weightsTmp = directory.resolve(WEIGHTS + ".tmp");
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(weightsTmp))) {
      weights.write(out);
    }
    Path stateTmp = directory.resolve(STATE + ".tmp");
    JSON.writeValue(stateTmp.toFile(), state);
    Files.move(weightsTmp, directory.resolve(WEIGHTS), StandardCopyOption.ATOMIC_MOVE);
    Files.move(stateTmp, directory.resolve(STATE), StandardCopyOption.ATOMIC_MOVE);
  }

  public static Checkpoint read(Path directory) throws IOException {
    TrainingState state = JSON.readValue(directory.resolve(STATE).toFile(), TrainingState.class);
    try (InputStream in =
        new java.io.BufferedInputStream(Files.newInputStream(directory.resolve(WEIGHTS)))) {
      return new Checkpoint(Weights.read(in), state);
    }
  }
}
