package org.latentcadx.cli.score;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.latentcadx.cli.io.Sha256;
import org.latentcadx.sdk.LatentCadxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code score} over a sorted list of inputs: skips inputs already done (unless forced), scores
 * the rest one by one, records every failure and goes on, and returns what the run reports need.
 */
public final class BatchRunner {

  private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);

  private final ResultStore store;
  private final ImageScorer scorer;
  private final String modelSha256;
  private final ScoreResult.Settings settings;
  private final boolean force;

  /**
   * @param store where results are read and written
   * @param scorer scores one input and writes its image outputs
   * @param modelSha256 the SHA-256 of the model in use (part of "done")
   * @param settings the result-changing settings in use (part of "done")
   * @param force score every input even when done
   */
  public BatchRunner(
      ResultStore store,
      ImageScorer scorer,
      String modelSha256,
      ScoreResult.Settings settings,
      boolean force) {
    this.store = store;
    this.scorer = scorer;
    this.modelSha256 = modelSha256;
    this.settings = settings;
    this.force = force;
  }

  /** A failed input and why. */
  public record Failure(String file, String reason) {}

  /**
   * The outcome of a run.
   *
   * @param results the results of every input that is done, in input order
   * @param failures the inputs that failed, in input order
   * @param scored how many inputs were scored in this run
   * @param skipped how many were already done
   */
  public record Outcome(List<ScoreResult> results, List<Failure> failures, int scored, int skipped) {}

  /** Runs over {@code inputs} (sorted by key), reporting on {@code progress}. */
  public Outcome run(List<InputFile> inputs, Progress progress) {
    List<ScoreResult> results = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    int scored = 0;
    int skipped = 0;
    progress.start(inputs.size());
    for (InputFile input : inputs) {
      try {
        String sha256 = Sha256.of(input.path());
        Optional<ScoreResult> done =
            force ? Optional.empty() : store.readIfDone(input.key(), sha256, modelSha256, settings);
        if (done.isPresent()) {
          results.add(done.get());
          skipped++;
          progress.finished(input.key(), Progress.Outcome.SKIPPED, "");
        } else {
          ImageScorer.Scored outcome = scorer.score(input, sha256);
          store.write(input.key(), outcome.result(), outcome.timingsMs());
          results.add(outcome.result());
          scored++;
          progress.finished(input.key(), Progress.Outcome.SCORED, "");
        }
      } catch (Exception e) {
        String reason = reason(e, input.path(), input.key());
        logFailure(input.key(), e);
        failures.add(new Failure(input.key(), reason));
        deleteStaleOutputs(input.key());
        progress.finished(input.key(), Progress.Outcome.FAILED, reason);
      }
    }
    progress.end();
    return new Outcome(List.copyOf(results), List.copyOf(failures), scored, skipped);
  }

  /**
   * Bad input ({@link LatentCadxException}, I/O) is the user's to fix and reaches them as the reason;
   * anything else is a defect here, logged with its stack trace so that it can be reported.
   */
  private static void logFailure(String key, Exception e) {
    if (e instanceof LatentCadxException || e instanceof IOException) {
      LOG.info("{} failed: {}", key, e.toString());
      LOG.debug("{} failed", key, e);
    } else {
      LOG.error("{} failed unexpectedly; please report this with the stack trace", key, e);
    }
  }

  private void deleteStaleOutputs(String key) {
    try {
      store.delete(key);
    } catch (IOException e) {
      LOG.warn("could not delete the earlier outputs of {}: {}", key, e.toString());
    }
  }

  /** Longest failure reason written to errors.csv and the console. */
  static final int MAX_REASON_LENGTH = 300;

  /**
   * The one-line reason of a failed input: the SDK's error code (or IO_ERROR, or the exception's simple
   * name) and its message, with the input's path written as its relative key (so that reasons do not
   * depend on where the inputs sit), control characters escaped as {@code \\uXXXX} and at most
   * {@value #MAX_REASON_LENGTH} characters.
   */
  static String reason(Exception e, Path path, String key) {
    String message = e.getMessage() == null ? "" : e.getMessage().strip().replaceAll("\\s+", " ");
    message = message.replace(path.toAbsolutePath().toString(), key).replace(path.toString(), key);
    String kind =
        e instanceof LatentCadxException sdk
            ? sdk.code().name()
            : e instanceof IOException ? "IO_ERROR" : e.getClass().getSimpleName();
    return bounded(printable(message.isEmpty() ? kind : kind + ": " + message));
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c) || !Character.isDefined(c)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  private static String bounded(String text) {
    return text.length() <= MAX_REASON_LENGTH
        ? text
        : text.substring(0, MAX_REASON_LENGTH - 1) + "…";
  }
}
