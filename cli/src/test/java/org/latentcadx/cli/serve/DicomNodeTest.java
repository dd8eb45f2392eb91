package org.latentcadx.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentcadx.sdk.testing.Processes;
import org.latentcadx.sdk.testing.TestModel;

/**
 * The DICOM node against real peers on loopback: dcmtk's storescu and echoscu send, dcmtk's storescp
 * receives the results. The node runs in its own JVM so that it can be killed with SIGKILL.
 */
class DicomNodeTest {

  private static final String NODE = "LATENTCADX";
  private static final String SENDER = "MODALITY1";
  private static final String DESTINATION = "PACS";
  private static final String SEG = "1.2.840.10008.5.1.4.1.1.66.4";
  private static final String CAD_SR = "1.2.840.10008.5.1.4.1.1.88.50";
  private static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
  /** The repository's sample mammograms (4000 × 6000, JPEG 2000 lossy). */
  private static final List<Path> SAMPLES;
  private static final Path CALCIFICATION_SAMPLE = Path.of("../samples/data/P_00003_RIGHT_CC.dcm");

  static {
    try (Stream<Path> files = Files.list(Path.of("../samples/data"))) {
      SAMPLES = files.filter(f -> f.toString().endsWith(".dcm")).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
  private static final Duration SCORING = Duration.ofSeconds(120);

  /**
   * Readable mammograms (explicit and implicit VR little endian). The fixtures share SOP Instance UIDs
   * between encodings of one image; each copy here gets a UID of its own.
   */
  private static final List<String> IMAGES =
      List.of("mg_u16_mono2_explicit_le.dcm", "mg_u12_mono1_explicit_le.dcm", "mg_u16_implicit_le.dcm");
  /** A JPEG 2000 lossless mammogram (sent on its own presentation context). */
  private static final String J2K_IMAGE = "mg_u16_j2k_lossless.dcm";
  /** A mammogram whose Pixel Data is shorter than Rows × Columns needs: stored, then refused by scoring. */
  private static final String CORRUPT = "pixel_length_mismatch.dcm";
  /** An SR, a SOP class the node does not take: refused at association negotiation. */
  private static final String UNSUPPORTED = "structured_report.dcm";

  @TempDir Path dir;
  private Path model;
  private Path inputs;

  @BeforeEach
  void setUp() throws Exception {
    DicomPeers.requireDcmtk();
    model = TestModel.identity(32).metadata("latentcadx.downsample_factor", "2").writeTo(dir.resolve("model.onnx"));
    inputs = dir.resolve("inputs");
    Files.createDirectories(inputs);
    for (String name : Stream.concat(IMAGES.stream(), Stream.of(J2K_IMAGE, CORRUPT, UNSUPPORTED)).toList()) {
      try (InputStream in = getClass().getResourceAsStream("/dicom/" + name)) {
        Files.copy(in, inputs.resolve(name));
      }
      String uid = "2.25." + new java.math.BigInteger(1, uuidBytes());
      Processes.Result modified = DicomPeers.run("dcmodify", "-nb", "-m", "(0008,0018)=" + uid,
          inputs.resolve(name).toString());
      assertThat(modified.exitCode()).as(modified.output()).isZero();
    }
  }

  @Test
  void scoresWhatStorescuSendsAndDeliversSegCadSrAndOverlayToStorescp() throws Exception {
    int destinationPort = DicomPeers.freePort();
    Path received = dir.resolve("pacs");
    Process pacs = DicomPeers.storescp(DESTINATION, destinationPort, received);
    // The bundled model, so that the sample mammograms get real findings.
    try (NodeProcess node = NodeProcess.start(dir.resolve("spool"), "--ae-title", NODE, "--allow", SENDER,
        "--destination", DESTINATION + "@127.0.0.1:" + destinationPort, "--send-overlay",
        "--status-seconds", "1", "--retry-max-seconds", "1", "--threads", "1")) {
      assertThat(DicomPeers.echoscu(SENDER, NODE, node.port()).exitCode()).isZero();

      // Three associations at once: small images with a corrupt and an unsupported file; the sample
      // mammograms (JPEG 2000 lossy); a JPEG 2000 lossless image.
      List<Processes.Result> sent = sendConcurrently(
          () -> DicomPeers.storescu(SENDER, NODE, node.port(), List.of(), paths(IMAGES, CORRUPT, UNSUPPORTED)),
          () -> DicomPeers.storescu(SENDER, NODE, node.port(), List.of("-xw"), SAMPLES.toArray(Path[]::new)),
          () -> DicomPeers.storescu(SENDER, NODE, node.port(), List.of("-xv"), paths(List.of(J2K_IMAGE))));

      assertThat(sent.get(0).output()).contains("No presentation context for: (SRt)");
      assertThat(sent.get(1).exitCode()).as(sent.get(1).output()).isZero();
      assertThat(sent.get(2).exitCode()).as(sent.get(2).output()).isZero();
      List<Path> scorable = new ArrayList<>(List.of(paths(IMAGES)));
      scorable.addAll(SAMPLES);
      scorable.add(inputs.resolve(J2K_IMAGE));
      node.awaitStatus("delivered", scorable.size(), SCORING);
      node.awaitStatus("failed", 1, SCORING);

      Map<String, List<AttributeList>> results = resultsBySourceInstance(received);
      assertThat(results.keySet()).containsExactlyInAnyOrderElementsOf(sourceUids(scorable));
      for (List<AttributeList> objects : results.values()) {
        assertThat(objects).extracting(DicomNodeTest::sopClass)
            .containsExactlyInAnyOrder(SEG, CAD_SR, SECONDARY_CAPTURE);
      }
      try (Stream<Path> files = Files.list(received)) {
        for (Path file : files.toList()) {
          assertThat(DicomPeers.run("dciodvfy", file.toString()).output().lines()
              .filter(line -> line.startsWith("Error"))).as(file.toString()).isEmpty();
        }
      }
      // The bundled model marks the calcification cluster of this sample (see the README).
      AttributeList report = results.get(sourceUids(List.of(CALCIFICATION_SAMPLE)).get(0)).stream()
          .filter(list -> sopClass(list).equals(CAD_SR)).findFirst().orElseThrow();
      assertThat(findingCount(report)).isPositive();

      Path failedRecord = dir.resolve("spool/failed").resolve(sourceUids(List.of(inputs.resolve(CORRUPT))).get(0)
          + ".json");
      assertThat(Files.readString(failedRecord)).contains("Pixel Data holds");
      assertThat(node.status().get("received").asLong()).isEqualTo(scorable.size() + 1);
      assertThat(node.status().get("scored").asLong()).isEqualTo(scorable.size());
      assertThat(node.status().get("waitingToBeScored").asLong()).isZero();
      assertThat(node.status().get("waitingToBeDelivered").asLong()).isZero();
      assertThat(countFiles(dir.resolve("spool/done"))).isEqualTo(scorable.size());
      // The status line is logged once a second: the last one may come after status.json said all.
      DicomPeers.awaitTrue(Duration.ofSeconds(10),
          () -> node.log().contains("status: 0 waiting to be scored"), "a status line with nothing waiting");
    } finally {
      pacs.destroy();
    }
  }

  @Test
  void rejectsCallingAeTitlesNotAllowedAndAssociationsForAnotherAeTitle() throws Exception {
    try (NodeProcess node = startNode(dir.resolve("spool"), DicomPeers.freePort())) {
      Processes.Result stranger = DicomPeers.echoscu("STRANGER", NODE, node.port());
      Processes.Result misaddressed = DicomPeers.echoscu(SENDER, "OTHERNODE", node.port());
      Processes.Result stored = DicomPeers.storescu("STRANGER", NODE, node.port(), List.of(), paths(IMAGES));

      assertThat(stranger.exitCode()).isNotZero();
      assertThat(stranger.output()).contains("Association Rejected").contains("Calling AE Title Not Recognized");
      assertThat(misaddressed.output()).contains("Association Rejected").contains("Called AE Title Not Recognized");
      assertThat(stored.output()).contains("Calling AE Title Not Recognized");
      try (Stream<Path> incoming = Files.list(dir.resolve("spool/incoming"))) {
        assertThat(incoming).isEmpty();
      }
      assertThat(node.log()).contains("calling AE title 'STRANGER' is not among the allowed ones");
    }
  }

  @Test
  void afterKillNineEveryReceivedInstanceIsScoredAndDeliveredOnce() throws Exception {
    int destinationPort = DicomPeers.freePort(); // nobody listens yet: results wait in the spool
    Path spool = dir.resolve("spool");
    try (NodeProcess node = startNode(spool, destinationPort)) {
      Processes.Result sent = DicomPeers.storescu(SENDER, NODE, node.port(), List.of(), paths(IMAGES));
      assertThat(sent.exitCode()).as(sent.output()).isZero();
      node.kill(); // whatever the worker was doing; every C-STORE answered success is on disk
    }
    // Each received instance is in the spool, received or scored (both, if the kill fell between the
    // rename of its results and the removal of the received file; beside a half-written one, maybe).
    assertThat(pending(spool)).containsExactlyInAnyOrderElementsOf(sourceUids(IMAGES));

    Path received = dir.resolve("pacs");
    Process pacs = DicomPeers.storescp(DESTINATION, destinationPort, received);
    try (NodeProcess restarted = startNode(spool, destinationPort)) {
      restarted.awaitStatus("delivered", IMAGES.size(), SCORING);
      Map<String, List<AttributeList>> results = resultsBySourceInstance(received);
      assertThat(results.keySet()).containsExactlyInAnyOrderElementsOf(sourceUids(IMAGES));
      for (List<AttributeList> objects : results.values()) {
        assertThat(objects).extracting(DicomNodeTest::sopClass).containsExactlyInAnyOrder(SEG, CAD_SR);
      }
      assertThat(countFiles(spool.resolve("done"))).isEqualTo(IMAGES.size());
      assertThat(countFiles(spool.resolve("incoming")) + countFiles(spool.resolve("outgoing"))).isZero();
    } finally {
      pacs.destroy();
    }
  }

  @Test
  void refusesWithOutOfResourcesOnceTheDiskBudgetIsReached() throws Exception {
    try (NodeProcess node = startNode(dir.resolve("spool"), DicomPeers.freePort(), "--disk-budget-mb", "1")) {
      // A 1.2 MB sample mammogram does not fit a 1 MiB budget; a 25 kB one does.
      Path sample = Path.of("../samples/data/P_00005_LEFT_MLO.dcm");
      Processes.Result refused = DicomPeers.storescu(SENDER, NODE, node.port(), List.of("-v", "-xw"), sample);
      Processes.Result accepted = DicomPeers.storescu(SENDER, NODE, node.port(), List.of(), paths(IMAGES.subList(0, 1)));

      assertThat(refused.output()).contains("Received Store Response (Refused: OutOfResources)");
      assertThat(accepted.exitCode()).as(accepted.output()).isZero();
      node.awaitStatus("received", 1, SCORING);
      node.awaitStatus("refused", 1, SCORING);
      assertThat(node.log()).contains("disk budget is used up");
    }
  }

  private static byte[] uuidBytes() {
    java.util.UUID uuid = java.util.UUID.randomUUID();
    return java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
        .putLong(uuid.getLeastSignificantBits()).array();
  }

  private NodeProcess startNode(Path spool, int destinationPort, String... extra) throws Exception {
    List<String> options = new ArrayList<>(List.of("--ae-title", NODE, "--allow", SENDER + ",OTHERMODALITY",
        "--destination", DESTINATION + "@127.0.0.1:" + destinationPort, "--model", model.toString(),
        "--status-seconds", "1", "--retry-max-seconds", "1", "--threads", "1"));
    options.addAll(List.of(extra));
    return NodeProcess.start(spool, options.toArray(String[]::new));
  }

  private Path[] paths(List<String> names, String... more) {
    return Stream.concat(names.stream(), Stream.of(more)).map(inputs::resolve).toArray(Path[]::new);
  }

  private List<String> sourceUids(List<?> files) throws Exception {
    List<String> uids = new ArrayList<>();
    for (Object file : files) {
      Path path = file instanceof Path p ? p : inputs.resolve(file.toString());
      AttributeList list = new AttributeList();
      list.read(path.toString(), TagFromName.PixelData);
      uids.add(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID));
    }
    return uids;
  }

  /**
   * The objects the destination received, by the SOP Instance UID of the image they reference; fails on
   * two objects of one class for one image with different SOP Instance UIDs (a duplicate with a new UID).
   */
  private static Map<String, List<AttributeList>> resultsBySourceInstance(Path folder) throws Exception {
    Map<String, List<AttributeList>> bySource = new HashMap<>();
    Set<String> seen = new HashSet<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        AttributeList list = new AttributeList();
        list.read(file.toString(), TagFromName.PixelData);
        if (!seen.add(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID))) {
          continue; // the same object delivered twice: allowed
        }
        bySource.computeIfAbsent(referencedInstance(list), uid -> new ArrayList<>()).add(list);
      }
    }
    return bySource;
  }

  /**
   * The image a result references: a SEG by its Referenced Series Sequence, a CAD SR by its Current
   * Requested Procedure Evidence, the overlay by its Source Image Sequence.
   */
  private static String referencedInstance(AttributeList list) {
    AttributeList instance = switch (sopClass(list)) {
      case SEG -> item(item(list, TagFromName.ReferencedSeriesSequence), TagFromName.ReferencedInstanceSequence);
      case CAD_SR -> item(item(item(list, TagFromName.CurrentRequestedProcedureEvidenceSequence),
          TagFromName.ReferencedSeriesSequence), TagFromName.ReferencedSOPSequence);
      default -> item(list, TagFromName.SourceImageSequence);
    };
    return Attribute.getSingleStringValueOrEmptyString(instance, TagFromName.ReferencedSOPInstanceUID);
  }

  private static AttributeList item(AttributeList list, com.pixelmed.dicom.AttributeTag tag) {
    return ((SequenceAttribute) list.get(tag)).getItem(0).getAttributeList();
  }

  private static String sopClass(AttributeList list) {
    return Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID);
  }

  /** Names of the instances waiting in incoming/ or outgoing/, temporary files left out. */
  private static Set<String> pending(Path spool) throws IOException {
    Set<String> names = new HashSet<>();
    for (String folder : List.of("incoming", "outgoing")) {
      try (Stream<Path> entries = Files.list(spool.resolve(folder))) {
        entries.map(p -> p.getFileName().toString())
            .filter(name -> !name.contains(".partial-"))
            .map(name -> name.replaceFirst("\\.dcm$", ""))
            .forEach(names::add);
      }
    }
    return names;
  }

  /** The Individual Impression/Recommendation items under the CAD Processing and Findings Summary. */
  private static int findingCount(AttributeList report) {
    SequenceAttribute root = (SequenceAttribute) report.get(TagFromName.ContentSequence);
    for (int i = 0; i < root.getNumberOfItems(); i++) {
      AttributeList item = root.getItem(i).getAttributeList();
      SequenceAttribute concept = (SequenceAttribute) item.get(TagFromName.ConceptNameCodeSequence);
      String code = Attribute.getSingleStringValueOrEmptyString(
          concept.getItem(0).getAttributeList(), TagFromName.CodeValue);
      if (code.equals("111017")) {
        SequenceAttribute impressions = (SequenceAttribute) item.get(TagFromName.ContentSequence);
        return impressions == null ? 0 : impressions.getNumberOfItems();
      }
    }
    throw new AssertionError("no CAD Processing and Findings Summary");
  }

  private static long countFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.count();
    }
  }

  /** A peer command run on its own thread. */
  private interface Send {
    Processes.Result run() throws Exception;
  }

  private static List<Processes.Result> sendConcurrently(Send... sends) throws Exception {
    List<java.util.concurrent.Future<Processes.Result>> futures = new ArrayList<>();
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(sends.length);
    try {
      for (Send send : sends) {
        futures.add(threads.submit(send::run));
      }
      List<Processes.Result> results = new ArrayList<>();
      for (var future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      threads.shutdown();
    }
  }
}
