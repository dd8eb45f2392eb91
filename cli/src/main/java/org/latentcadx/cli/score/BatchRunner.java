package org.latentcadx.cli.score;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
  private final int jobs;

  /** As {@link #BatchRunner(ResultStore, ImageScorer, String, ScoreResult.Settings, boolean, int)}, one image at a time. */
  public BatchRunner(
      ResultStore store,
      ImageScorer scorer,
      String modelSha256,
      ScoreResult.Settings settings,
      boolean force) {
    this(store, scorer, modelSha256, settings, force, 1);
  }

  /**
   * @param store where results are read and written
   * @param scorer scores one input and writes its image outputs
   * @param modelSha256 the SHA-256 of the model in use (part of "done")
   * @param settings the result-changing settings in use (part of "done")
   * @param force score every input even when done
   * @param jobs images in flight at once (one decodes while another is inferred or written); the
   *     scorer must then be safe for concurrent calls, as {@link DetectorScorer} is
   */
  public BatchRunner(
      ResultStore store,
      ImageScorer scorer,
      String modelSha256,
      ScoreResult.Settings settings,
      boolean force,
      int jobs) {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
    }
    this.jobs = jobs;
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

  /**
   * Runs over {@code inputs} (sorted by key), {@code jobs} at a time, reporting on {@code progress};
   * results and failures come back in the inputs' order whatever order they finish in.
   */
  public Outcome run(List<InputFile> inputs, Progress progress) {
    progress.start(inputs.size());
    List<Done> outcomes = new ArrayList<>();
    if (jobs == 1) {
      for (InputFile input : inputs) {
        outcomes.add(process(input, progress));
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(jobs, runnable -> {
        Thread thread = new Thread(runnable, "score-job");
        thread.setDaemon(true);
        return thread;
      });
      try {
        List<Future<Done>> futures = new ArrayList<>();
        for (InputFile input : inputs) {
          futures.add(pool.submit(() -> process(input, progress)));
        }
        for (Future<Done> future : futures) {
          outcomes.add(future.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while scoring", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a scoring job failed outside its input's handling", e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    progress.end();
    List<ScoreResult> results = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    int scored = 0;
    int skipped = 0;
    for (Done done : outcomes) {
      if (done.failure() != null) {
        failures.add(done.failure());
      } else {
        results.add(done.result());
        scored += done.skipped() ? 0 : 1;
        skipped += done.skipped() ? 1 : 0;
      }
    }
    return new Outcome(List.copyOf(results), List.copyOf(failures), scored, skipped);
  }

  /** What became of one input: its result (reused when {@code skipped}), or its failure. */
  private record Done(ScoreResult result, boolean skipped, Failure failure) {}

  /** Hashes, reuses or scores and writes one input; never throws for the input's own failure. */
  private Done process(InputFile input, Progress progress) {
    try {
      String sha256 = Sha256.of(input.path());
      Optional<ScoreResult> done =
          force ? Optional.empty() : store.readIfDone(input.key(), sha256, modelSha256, settings);
      if (done.isPresent()) {
        progress.finished(input.key(), Progress.Outcome.SKIPPED, "");
        return new Done(done.get(), true, null);
      }
      ImageScorer.Scored outcome = scorer.score(input, sha256);
      store.write(input.key(), outcome.result(), outcome.timingsMs());
      progress.finished(input.key(), Progress.Outcome.SCORED, "");
      return new Done(outcome.result(), false, null);
    } catch (Exception | OutOfMemoryError e) { // one input's failure, whatever it is, stays its own
      String reason = e instanceof Exception exception
          ? reason(exception, input.path(), input.key())
          : "OUT_OF_MEMORY: " + input.key() + " needs more heap than this JVM has (java -Xmx, or fewer --jobs)";
      logFailure(input.key(), e);
      deleteStaleOutputs(input.key());
      progress.finished(input.key(), Progress.Outcome.FAILED, reason);
      return new Done(null, false, new Failure(input.key(), reason));
    }
  }

  /**
   * Bad input ({@link LatentCadxException}, I/O) is the user's to fix and reaches them as the reason;
   * anything else is a defect here, logged with its stack trace so that it can be reported.
   */
  private static void logFailure(String key, Throwable e) {
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
