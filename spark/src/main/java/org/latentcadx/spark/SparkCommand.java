package org.latentcadx.spark;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.latentcadx.cli.LatentCadxCli;
import org.latentcadx.cli.ModelOption;
import org.latentcadx.cli.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code latentcadx-spark}: {@code score} scores an archive into a Parquet table with Spark;
 * {@code evaluate} runs {@code latentcadx evaluate} on such a table. Run locally by
 * {@code scripts/latentcadx-spark} ({@code local[*]}), or on a cluster with {@code spark-submit} (see
 * {@code spark/README.md}).
 */
@Command(
    name = "latentcadx-spark",
    mixinStandardHelpOptions = true,
    subcommands = {SparkCommand.Score.class, SparkCommand.Evaluate.class},
    description = "Scores archives of mammograms with Apache Spark into a Parquet table.")
public final class SparkCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command; returns its exit code (0 ok, 1 some images failed or an error, 2 usage). */
  public static int execute(String... args) {
    CommandLine commandLine = new CommandLine(new SparkCommand());
    commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
      failed.getErr().println("latentcadx-spark: " + exception.getMessage());
      return exception instanceof UsageException ? 2 : 1;
    });
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a sub-command is required");
  }

  /**
   * The running Spark session (an embedding application's), else a new one with the master spark-submit
   * configured, else {@code local[*]}; {@link #stopIfOwned} stops only a session made here.
   */
  static SparkSession session(String appName) {
    if (SparkSession.getActiveSession().isDefined()) {
      return SparkSession.getActiveSession().get();
    }
    SparkConf conf = new SparkConf().setAppName(appName);
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
      conf.set("spark.ui.enabled", "false");
    }
    SparkSession session = SparkSession.builder().config(conf).getOrCreate();
    OWNED.add(session);
    return session;
  }

  private static final java.util.Set<SparkSession> OWNED =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  static void stopIfOwned(SparkSession session) {
    if (OWNED.remove(session)) {
      session.stop();
    }
  }

  @Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Scores every image under the inputs into a Parquet table; a rerun scores only what the"
          + " table lacks.")
  static final class Score implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "INPUT",
        description = "Folders (searched recursively) and files: local paths or Hadoop URIs.")
    private List<String> inputs = new ArrayList<>();

    @Option(names = "--input-list", paramLabel = "FILE",
        description = "A local text file with one input (path or URI) per line.")
    private Path inputList;

    @Option(names = {"-o", "--table"}, required = true, paramLabel = "TABLE",
        description = "The Parquet table (a folder; local path or Hadoop URI) rows are appended to.")
    private String table;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = ModelOption.DEFAULT,
        description = "Bundled model name or an .onnx path every executor can read (default: ${DEFAULT-VALUE}).")
    private String model;

    @Option(names = "--threads-per-task", paramLabel = "N", defaultValue = "1",
        description = "ONNX Runtime threads per task; tasks per executor × N should not exceed its cores"
            + " (default: ${DEFAULT-VALUE}).")
    private int threadsPerTask;

    @Option(names = "--files", paramLabel = "DIR",
        description = "Also write per-image files (map and overlay PNG; for DICOM the SEG and CAD SR)"
            + " here: a folder every executor can write.")
    private String files;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "500",
        description = "Images per commit to the table; a crash loses at most one batch (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      List<String> all = new ArrayList<>(inputs);
      if (inputList != null) {
        if (!Files.isRegularFile(inputList)) {
          throw new UsageException("--input-list " + inputList + ": no such file");
        }
        Files.readAllLines(inputList).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .forEach(all::add);
      }
      if (all.isEmpty()) {
        throw new UsageException("no input: give folders or files, or --input-list");
      }
      if (threadsPerTask < 1 || batchSize < 1) {
        throw new UsageException("--threads-per-task and --batch-size must be at least 1");
      }
      PrintWriter out = spec.commandLine().getOut();
      SparkSession spark = session("latentcadx-spark score");
      try {
        ArchiveScoring.Outcome outcome = ArchiveScoring.run(spark, new ArchiveScoring.Settings(
            all, table, model, threadsPerTask, Optional.ofNullable(files), batchSize));
        out.printf("latentcadx-spark score: %d image(s) listed, %d already in the table, %d scored, %d failed;"
            + " table %s%n", outcome.listed(), outcome.skipped(), outcome.scored(), outcome.failed(), table);
        out.flush();
        return outcome.failed() == 0 ? 0 : 1;
      } finally {
        stopIfOwned(spark);
      }
    }
  }

  @Command(name = "evaluate", mixinStandardHelpOptions = true,
      description = "Runs 'latentcadx evaluate' on a table's results: every option after --table is"
          + " evaluate's (-g, --normals, -o, ...), with the table in place of -s.")
  static final class Evaluate implements Callable<Integer> {

    @Option(names = "--table", required = true, paramLabel = "TABLE", description = "The Parquet table.")
    private String table;

    @CommandLine.Unmatched private List<String> evaluateOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      Path folder = Files.createTempDirectory("latentcadx-table-");
      SparkSession spark = session("latentcadx-spark evaluate");
      try {
        List<Row> rows = spark.read().parquet(table).where("result_json IS NOT NULL")
            .select("key", "result_json").collectAsList();
        for (Row row : rows) {
          Path file = folder.resolve(row.getString(0) + ".json").normalize();
          if (!file.startsWith(folder)) {
            throw new UsageException(table + ": key '" + row.getString(0) + "' leaves the result folder");
          }
          Files.createDirectories(file.getParent());
          Files.writeString(file, row.getString(1));
        }
      } finally {
        stopIfOwned(spark);
      }
      try {
        List<String> arguments = new ArrayList<>(List.of("evaluate", "-s", folder.toString()));
        arguments.addAll(evaluateOptions);
        return LatentCadxCli.execute(arguments.toArray(String[]::new));
      } finally {
        try (var paths = Files.walk(folder)) {
          for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(path);
          }
        }
      }
    }
  }
}
