package org.latentcadx.cli.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.latentcadx.cli.ModelOption;
import org.latentcadx.cli.UsageException;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.ModelInfo;
import org.latentcadx.sdk.dicom.AlgorithmIdentity;
import org.latentcadx.sdk.dicom.DicomReader;
import org.latentcadx.sdk.dicom.DicomResultWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code latentcadx serve}: a DICOM node that scores what it receives. See the PACS administrator's
 * section of the README.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs a DICOM Storage SCP (C-ECHO, C-STORE) that scores every mammogram it receives and sends the"
          + " results (lesion Segmentation, Mammography CAD SR, optionally the heatmap overlay) by C-STORE"
          + " to a destination. Everything in progress is kept in the spool folder, so a restart after a"
          + " crash scores and delivers what the crash interrupted. Stops on SIGTERM or Ctrl-C."
    })
public final class ServeCommand implements Callable<Integer> {

  private static final Pattern DESTINATION = Pattern.compile("([^@]{1,16})@(.+):(\\d{1,5})");
  private static final Pattern AE_TITLE = Pattern.compile("[\\x20-\\x5b\\x5d-\\x7e]{1,16}");

  @Option(names = "--ae-title", paramLabel = "AET", defaultValue = "LATENTCADX",
      description = "This node's AE title (default: ${DEFAULT-VALUE}).")
  private String aeTitle;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "11112",
      description = "TCP port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one, printed at start).")
  private int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, every interface).")
  private String bind;

  @Option(names = "--allow", paramLabel = "AET", required = true, split = ",",
      description = "Calling AE titles allowed to connect (repeat, or separate with commas); others are"
          + " rejected at association.")
  private List<String> allowed;

  @Option(names = "--destination", paramLabel = "AET@HOST:PORT", required = true,
      description = "Where results are sent by C-STORE.")
  private String destination;

  @Option(names = "--spool", paramLabel = "DIR", required = true,
      description = "Folder for received instances, results waiting for delivery and records (created if"
          + " missing).")
  private Path spoolFolder;

  @Option(names = "--disk-budget-mb", paramLabel = "MB", defaultValue = "10240",
      description = "Most the spool folder may hold; beyond it C-STORE is refused with status A700 (out of"
          + " resources) (default: ${DEFAULT-VALUE}).")
  private long diskBudgetMb;

  @Option(names = "--send-overlay",
      description = "Also send the heatmap overlay as a secondary capture (RLE Lossless; the destination"
          + " must accept it).")
  private boolean sendOverlay;

  @Option(names = "--max-associations", paramLabel = "N", defaultValue = "8",
      description = "Associations served at once; more are rejected as transient (default: ${DEFAULT-VALUE}).")
  private int maxAssociations;

  @Option(names = "--retry-max-seconds", paramLabel = "S", defaultValue = "300",
      description = "Longest wait between delivery attempts; waits start at 1 s and double"
          + " (default: ${DEFAULT-VALUE}).")
  private int retryMaxSeconds;

  @Option(names = "--status-seconds", paramLabel = "S", defaultValue = "60",
      description = "How often the status line is logged; status.json in the spool is rewritten every"
          + " second (default: ${DEFAULT-VALUE}).")
  private int statusSeconds;

  @Option(names = "--threads", paramLabel = "N",
      description = "CPU budget for scoring: ONNX Runtime's threads; the one scoring worker decodes and"
          + " writes between inferences, never at the same time (default: all processors).")
  private Integer threads;

  @CommandLine.Mixin private ModelOption model;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws UsageException, IOException, InterruptedException {
    AcceptancePolicy policy = new AcceptancePolicy(checkedAeTitle(aeTitle, "--ae-title"), allowedTitles(),
        DicomReader.readableSopClasses(), DicomReader.decodableTransferSyntaxes());
    ResultDelivery.Destination target = destination();
    checkRanges();
    Spool spool = Spool.open(spoolFolder, diskBudgetMb << 20);
    DicomNode.Settings settings = new DicomNode.Settings(InetAddress.getByName(bind), port, policy, target,
        sendOverlay, maxAssociations, Duration.ofMinutes(5), Duration.ofSeconds(1),
        Duration.ofSeconds(retryMaxSeconds), Duration.ofSeconds(statusSeconds));
    PrintWriter out = spec.commandLine().getOut();
    try (LesionDetector detector = model.open(builder -> threads == null ? builder : builder.intraOpThreads(threads))) {
      ModelInfo info = detector.modelInfo();
      DicomResultWriter writer = DicomResultWriter.create(new AlgorithmIdentity(info.name(), info.version()));
      CountDownLatch stopped = new CountDownLatch(1);
      CountDownLatch closed = new CountDownLatch(1);
      // SIGTERM: let the node stop receiving and finish its status before the JVM exits.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        stopped.countDown();
        try {
          closed.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "serve-shutdown"));
      try (DicomNode node = start(settings, spool, detector, writer)) {
        out.printf("latentcadx serve: %s listening on port %d, model %s %s, results to %s, spool %s%n",
            policy.aeTitle(), node.port(), info.name(), info.version(), target, spool.root());
        out.flush();
        stopped.await();
      } finally {
        closed.countDown();
      }
    }
    return 0;
  }

  private DicomNode start(DicomNode.Settings settings, Spool spool, LesionDetector detector,
      DicomResultWriter writer) throws IOException, UsageException {
    try {
      return new DicomNode(settings, spool, detector, writer);
    } catch (BindException e) {
      throw new UsageException("cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
    }
  }

  private Set<String> allowedTitles() throws UsageException {
    Set<String> titles = new LinkedHashSet<>();
    for (String title : allowed) {
      titles.add(checkedAeTitle(title.strip(), "--allow"));
    }
    return Set.copyOf(titles);
  }

  private ResultDelivery.Destination destination() throws UsageException {
    Matcher matcher = DESTINATION.matcher(destination);
    if (!matcher.matches() || Integer.parseInt(matcher.group(3)) > 65535) {
      throw new UsageException("--destination must be AET@HOST:PORT, e.g. PACS@10.0.0.5:104; got '"
          + destination + "'");
    }
    return new ResultDelivery.Destination(matcher.group(2), Integer.parseInt(matcher.group(3)),
        checkedAeTitle(matcher.group(1), "--destination"));
  }

  private void checkRanges() throws UsageException {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be 0 to 65535, got " + port);
    }
    if (diskBudgetMb < 1 || maxAssociations < 1 || retryMaxSeconds < 1 || statusSeconds < 1) {
      throw new UsageException(
          "--disk-budget-mb, --max-associations, --retry-max-seconds and --status-seconds must be at least 1");
    }
  }

  /** An AE title: 1 to 16 printable ASCII characters without backslash, not all spaces (PS3.5 6.2). */
  static String checkedAeTitle(String title, String option) throws UsageException {
    if (!AE_TITLE.matcher(title).matches() || title.isBlank()) {
      throw new UsageException(option + ": '" + title
          + "' is not an AE title (1 to 16 printable ASCII characters, no backslash)");
    }
    return title.strip();
  }
}
