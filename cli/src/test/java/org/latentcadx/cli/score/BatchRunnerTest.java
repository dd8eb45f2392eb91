package org.latentcadx.cli.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.cli.io.AtomicFiles;
import org.latentcadx.sdk.LatentCadxException;

/** The batch protocol with a scorer that reads the probability from the file's text. */
class BatchRunnerTest {

  private static final ScoreResult.Settings SETTINGS = new ScoreResult.Settings(128, "max", 0.5, 0, null);

  @TempDir Path dir;
  private Path out;
  private ResultStore store;
  private final List<String> scoredKeys = java.util.Collections.synchronizedList(new ArrayList<>());
  private String currentModel;

  @BeforeEach
  void setUp() {
    out = dir.resolve("out");
    store = new ResultStore(new OutputLayout(out));
  }

  @Test
  void recordsFailuresAndGoesOn() throws IOException {
    List<InputFile> inputs = inputs("a.png=0.25", "b.png=corrupt", "c.png=0.75");
    BatchRunner.Outcome outcome = runner("model-1", false).run(inputs, quiet());

    assertThat(outcome.results()).extracting(r -> r.input().file()).containsExactly("a.png", "c.png");
    assertThat(outcome.failures())
        .containsExactly(new BatchRunner.Failure("b.png", "CORRUPT_INPUT: b.png: not a number"));
    assertThat(outcome.scored()).isEqualTo(2);
    new RunReports(store).write(outcome);
    assertThat(Files.readString(out.resolve("errors.csv")))
        .isEqualTo("file,reason\nb.png,CORRUPT_INPUT: b.png: not a number\n");
    assertThat(Files.readString(out.resolve("summary.csv")).lines())
        .hasSize(3)
        .element(1)
        .asString()
        .startsWith("a.png,PNG,");
  }

  @Test
  void rerunSkipsDoneInputsAndForceRedoesThem() throws IOException {
    List<InputFile> inputs = inputs("a.png=0.25", "c.png=0.75");
    runner("model-1", false).run(inputs, quiet());
    scoredKeys.clear();

    BatchRunner.Outcome again = runner("model-1", false).run(inputs, quiet());
    assertThat(again.skipped()).isEqualTo(2);
    assertThat(scoredKeys).isEmpty();

    BatchRunner.Outcome forced = runner("model-1", true).run(inputs, quiet());
    assertThat(forced.scored()).isEqualTo(2);
    assertThat(scoredKeys).containsExactly("a.png", "c.png");
  }

  @Test
  void changedInputModelOrSettingsMeanNotDone() throws IOException {
    List<InputFile> inputs = inputs("a.png=0.25");
    runner("model-1", false).run(inputs, quiet());
    scoredKeys.clear();

    assertThat(runner("model-2", false).run(inputs, quiet()).scored()).isEqualTo(1);
    Files.writeString(inputs.get(0).path(), "0.5");
    assertThat(runner("model-2", false).run(inputs, quiet()).scored()).isEqualTo(1);
    assertThat(
            new BatchRunner(store, this::score, "model-2", new ScoreResult.Settings(64, "max", 0.5, 0, null), false)
                .run(inputs, quiet())
                .scored())
        .isEqualTo(1);
  }

  @Test
  void interruptedRunResumesToTheSameBytes() throws IOException {
    List<InputFile> inputs = inputs("a.png=0.25", "b.png=0.5", "c.png=0.75");
    BatchRunner.Outcome straight = runner("model-1", false).run(inputs, quiet());
    new RunReports(store).write(straight);
    byte[] summary = Files.readAllBytes(out.resolve("summary.csv"));
    byte[] resultB = Files.readAllBytes(out.resolve("b.png.json"));

    // A run killed while writing b: its image output exists, its result is a temporary file only,
    // and c was never reached.
    Files.delete(out.resolve("b.png.json"));
    Files.writeString(out.resolve("b.png.json" + AtomicFiles.TEMP_MARKER + "99"), "{\"sche");
    store.delete("c.png");
    scoredKeys.clear();

    AtomicFiles.deleteLeftovers(out);
    BatchRunner.Outcome resumed = runner("model-1", false).run(inputs, quiet());
    new RunReports(store).write(resumed);

    assertThat(scoredKeys).containsExactly("b.png", "c.png");
    assertThat(resumed.skipped()).isEqualTo(1);
    assertThat(out.resolve("summary.csv")).hasBinaryContent(summary);
    assertThat(out.resolve("b.png.json")).hasBinaryContent(resultB);
    try (var files = Files.list(out)) {
      assertThat(files).noneMatch(AtomicFiles::isLeftover);
    }
  }

  @Test
  void inputThatNowFailsLosesItsOlderOutputs() throws IOException {
    List<InputFile> inputs = inputs("a.png=0.25");
    runner("model-1", false).run(inputs, quiet());
    Files.writeString(inputs.get(0).path(), "corrupt");

    BatchRunner.Outcome outcome = runner("model-1", false).run(inputs, quiet());

    assertThat(outcome.failures()).hasSize(1);
    assertThat(out.resolve("a.png.json")).doesNotExist();
    assertThat(out.resolve("a.png.overlay.png")).doesNotExist();
  }

  @Test
  void severalJobsAtOnceGiveTheOneJobOutcomeInTheInputsOrder() throws IOException {
    List<InputFile> inputs = inputs("a.png=0.25", "b.png=corrupt", "c.png=0.75", "d.png=0.5", "e.png=0.1");
    currentModel = "model-1";

    BatchRunner.Outcome parallel =
        new BatchRunner(store, this::score, "model-1", SETTINGS, false, 3).run(inputs, quiet());

    assertThat(parallel.results()).extracting(r -> r.input().file())
        .containsExactly("a.png", "c.png", "d.png", "e.png");
    assertThat(parallel.failures()).extracting(BatchRunner.Failure::file).containsExactly("b.png");
    assertThat(parallel.scored()).isEqualTo(4);
    assertThat(scoredKeys).containsExactlyInAnyOrder("a.png", "b.png", "c.png", "d.png", "e.png");
    assertThat(new BatchRunner(store, this::score, "model-1", SETTINGS, false, 3).run(inputs, quiet()).skipped())
        .isEqualTo(4);
  }

  @Test
  void logLinesNameEachInputWithRate() throws IOException {
    StringWriter text = new StringWriter();
    Progress lines = Progress.to(new PrintWriter(text), false);
    runner("model-1", false).run(inputs("a.png=0.25", "b.png=corrupt"), lines);
    assertThat(text.toString().lines())
        .hasSize(2)
        .satisfiesExactly(
            first -> assertThat(first).startsWith("[1/2] scored a.png (").contains("img/s, ETA"),
            second -> assertThat(second).startsWith("[2/2] failed b.png: CORRUPT_INPUT"));
  }

  private BatchRunner runner(String modelSha, boolean force) {
    currentModel = modelSha;
    return new BatchRunner(store, this::score, modelSha, SETTINGS, force);
  }

  private ImageScorer.Scored score(InputFile input, String sha256) throws Exception {
    scoredKeys.add(input.key());
    String text = Files.readString(input.path()).strip();
    double probability;
    try {
      probability = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new LatentCadxException(
          LatentCadxException.ErrorCode.CORRUPT_INPUT, input.key() + ": not a number");
    }
    AtomicFiles.write(store.layout().overlayPng(input.key()), new byte[] {1});
    ScoreResult result =
        new ScoreResult(
            ScoreResult.SCHEMA,
            new ScoreResult.Input(input.key(), input.format(), sha256, 4, 3, null, "UNKNOWN", null),
            new ScoreResult.Model("test", "1", currentModel, null),
            SETTINGS,
            "CPU",
            probability,
            probability >= 0.5,
            List.of(),
            new ScoreResult.Outputs(
                store.layout().overlayPng(input.key()).getFileName().toString(), null, null, null, null));
    return new ImageScorer.Scored(result, Map.of("inference", 1.5));
  }

  private List<InputFile> inputs(String... specs) throws IOException {
    List<InputFile> inputs = new ArrayList<>();
    for (String spec : specs) {
      String[] parts = spec.split("=");
      Path file = dir.resolve("in").resolve(parts[0]);
      Files.createDirectories(file.getParent());
      Files.writeString(file, parts[1]);
      inputs.add(new InputFile(file, parts[0], "PNG"));
    }
    return inputs;
  }

  private static Progress quiet() {
    return Progress.to(new PrintWriter(Writer.nullWriter()), false);
  }
}
