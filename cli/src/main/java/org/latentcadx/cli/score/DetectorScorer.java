package org.latentcadx.cli.score;

import com.google.common.base.Stopwatch;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.latentcadx.cli.io.AtomicFiles;
import org.latentcadx.sdk.BoundingBox;
import org.latentcadx.sdk.DetectionResult;
import org.latentcadx.sdk.ImageFile;
import org.latentcadx.sdk.ImageFiles;
import org.latentcadx.sdk.ImageMetadata;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.Lesion;
import org.latentcadx.sdk.LesionDetector;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.ModelInfo;
import org.latentcadx.sdk.ProbabilityMap;
import org.latentcadx.sdk.dicom.AlgorithmIdentity;
import org.latentcadx.sdk.dicom.DicomImage;
import org.latentcadx.sdk.dicom.DicomResultWriter;
import org.latentcadx.sdk.dicom.ScoredImage;
import org.latentcadx.sdk.render.OverlayRenderer;
import org.latentcadx.sdk.render.ProbabilityMapPng;

/**
 * Scores one input with the SDK's detector and writes its image outputs: the probability map
 * ({@code .map.png}), the overlay ({@code .overlay.png}) and, for DICOM inputs, a binary DICOM
 * Segmentation of the lesion mask ({@code .seg.dcm}), an RGB secondary-capture heatmap overlay
 * ({@code .overlay.dcm}) and a Mammography CAD SR ({@code .sr.dcm}) in the source's study; or, made
 * {@link #withoutFiles}, only the result (what the Spark job stores in its table). It keeps the run's
 * scored DICOM images for the per-study reports. Callers may share one instance between threads: each
 * decodes and writes on its own thread, and inference runs for one image at a time, so that the CPU
 * used is the detector's ONNX Runtime threads plus one thread for each other image in flight.
 */
public final class DetectorScorer implements ImageScorer {

  private final LesionDetector detector;
  private final OutputLayout layout; // null: no per-image files
  private final ScoreResult.Settings settings;
  private final ScoreResult.Model model;
  private final DicomResultWriter dicomWriter;
  private final StudyReports studyReports = new StudyReports();
  private final java.util.Set<ImageOutput> outputs;
  private final ReentrantLock inference = new ReentrantLock(true);

  /** A scorer that writes each image's {@link ImageOutput#DEFAULT} files under {@code layout}. */
  public DetectorScorer(LesionDetector detector, OutputLayout layout, ScoreResult.Settings settings)
      throws LatentCadxException {
    this(detector, layout, settings, ImageOutput.DEFAULT);
  }

  /** A scorer that writes each image's {@code outputs} under {@code layout}. */
  public DetectorScorer(LesionDetector detector, OutputLayout layout, ScoreResult.Settings settings,
      java.util.Set<ImageOutput> outputs) throws LatentCadxException {
    this.detector = detector;
    this.layout = layout;
    this.outputs = java.util.Set.copyOf(outputs);
    this.settings = settings;
    ModelInfo info = detector.modelInfo();
    this.model = new ScoreResult.Model(info.name(), info.version(), info.sha256(), info.intendedUse().orElse(null));
    this.dicomWriter = DicomResultWriter.create(new AlgorithmIdentity(info.name(), info.version()));
  }

  /** A scorer that returns results and timings and writes no file. */
  public static DetectorScorer withoutFiles(LesionDetector detector, ScoreResult.Settings settings)
      throws LatentCadxException {
    return new DetectorScorer(detector, null, settings);
  }

  @Override
  public Scored score(InputFile input, String inputSha256) throws LatentCadxException, IOException {
    Map<String, Double> timings = new LinkedHashMap<>();
    Stopwatch decoding = Stopwatch.createStarted();
    ImageFile read = ImageFiles.read(input.path());
    MammogramImage image = read.image();
    Optional<DicomImage> dicomSource = read instanceof DicomImage dicom ? Optional.of(dicom) : Optional.empty();
    if (dicomSource.isPresent()) {
      // What the SEG and overlay will reference is checked before inference, not after it.
      dicomSource.get().source().requireReferenceable();
    }
    timings.put("decode", millis(decoding));

    DetectionResult detection;
    inference.lock();
    try {
      detection = detector.detect(image);
    } finally {
      inference.unlock();
    }
    timings.put("preprocessing", millis(detection.timings().preprocessing()));
    timings.put("inference", millis(detection.timings().inference()));
    timings.put("stitching", millis(detection.timings().stitching()));
    timings.put("postprocessing", millis(detection.timings().postprocessing()));

    ProbabilityMap map = detection.probabilityMap();
    List<ScoreResult.Lesion> lesions = lesions(detection, image.metadata(), map.downsampleFactor());
    ScoreResult.Outputs outputs = layout == null
        ? new ScoreResult.Outputs(null, null, null, null, null)
        : writeFiles(input.key(), image, map, detection, dicomSource, timings);
    ScoreResult result =
        new ScoreResult(
            ScoreResult.SCHEMA,
            describe(input, inputSha256, image),
            model,
            settings,
            detection.executionProvider().name(),
            detection.imageProbability(),
            detection.positive(),
            lesions,
            outputs);
    return new Scored(result, timings);
  }

  /** Writes the map and overlay PNGs and, for DICOM, the SEG, overlay and CAD SR objects. */
  private ScoreResult.Outputs writeFiles(String key, MammogramImage image, ProbabilityMap map,
      DetectionResult detection, Optional<DicomImage> dicomSource, Map<String, Double> timings)
      throws LatentCadxException, IOException {
    Stopwatch writing = Stopwatch.createStarted();
    String mapName = null;
    String overlayName = null;
    if (outputs.contains(ImageOutput.MAP)) {
      AtomicFiles.write(layout.probabilityMap(key), ProbabilityMapPng.encode(map));
      mapName = fileName(layout.probabilityMap(key));
    }
    if (outputs.contains(ImageOutput.OVERLAY)) {
      OverlayRenderer.Caption caption = new OverlayRenderer.Caption(
          key, detection.imageProbability(), model.name() + " " + model.version());
      AtomicFiles.write(
          layout.overlayPng(key), OverlayRenderer.png(image, map, settings.decisionThreshold(), caption));
      overlayName = fileName(layout.overlayPng(key));
    }
    timings.put("write_images", millis(writing));
    String segmentation = null;
    String overlayDicom = null;
    String cadReport = null;
    if (dicomSource.isPresent()) {
      Stopwatch writingDicom = Stopwatch.createStarted();
      DicomImage dicom = dicomSource.get();
      double threshold = settings.decisionThreshold();
      if (outputs.contains(ImageOutput.SEG)) {
        AtomicFiles.writeFile(
            layout.segmentation(key),
            file -> dicomWriter.writeLesionSegmentation(dicom.source(), map, threshold, file));
        segmentation = fileName(layout.segmentation(key));
      }
      if (outputs.contains(ImageOutput.OVERLAY_DCM)) {
        AtomicFiles.writeFile(
            layout.overlayDicom(key),
            file -> dicomWriter.writeHeatmapOverlay(dicom, map, threshold, file));
        overlayDicom = fileName(layout.overlayDicom(key));
      }
      if (outputs.contains(ImageOutput.SR)) {
        ScoredImage scored = ScoredImage.of(dicom.source(), detection, threshold);
        AtomicFiles.writeFile(layout.cadReport(key), file -> dicomWriter.writeCadReport(List.of(scored), file));
        studyReports.add(scored);
        cadReport = fileName(layout.cadReport(key));
      }
      timings.put("write_dicom", millis(writingDicom));
    }

    return new ScoreResult.Outputs(overlayName, mapName, segmentation, overlayDicom, cadReport);
  }

  /**
   * Writes a CAD SR per study for the studies of which two or more DICOM images were scored by this
   * scorer; returns how many.
   */
  int writeStudyReports() throws IOException, LatentCadxException {
    return layout == null ? 0 : studyReports.writeAll(dicomWriter, layout);
  }

  private static ScoreResult.Input describe(InputFile input, String sha256, MammogramImage image) {
    ImageMetadata metadata = image.metadata();
    ScoreResult.Spacing spacing =
        metadata
            .pixelSpacingMm()
            .map(s -> new ScoreResult.Spacing(s.rowMm(), s.columnMm()))
            .orElse(null);
    return new ScoreResult.Input(
        input.key(),
        input.format(),
        sha256,
        image.width(),
        image.height(),
        spacing,
        metadata.laterality().name(),
        metadata.view().orElse(null));
  }

  /**
   * Lesions with boxes in original pixels, and in millimetres from the image's top-left corner when
   * the spacing is known; areas in original pixels are map pixels × factor².
   */
  static List<ScoreResult.Lesion> lesions(
      DetectionResult detection, ImageMetadata metadata, int downsampleFactor) {
    Optional<ImageMetadata.PixelSpacing> spacing = metadata.pixelSpacingMm();
    List<ScoreResult.Lesion> lesions = new ArrayList<>();
    for (Lesion lesion : detection.lesions()) {
      BoundingBox box = lesion.imageBox();
      double areaPx = (double) lesion.areaMapPixels() * downsampleFactor * downsampleFactor;
      ScoreResult.Box boxPx = new ScoreResult.Box(box.x(), box.y(), box.width(), box.height());
      ScoreResult.Box boxMm =
          spacing
              .map(
                  s ->
                      new ScoreResult.Box(
                          box.x() * s.columnMm(),
                          box.y() * s.rowMm(),
                          box.width() * s.columnMm(),
                          box.height() * s.rowMm()))
              .orElse(null);
      Double areaMm2 = spacing.map(s -> areaPx * s.rowMm() * s.columnMm()).orElse(null);
      lesions.add(
          new ScoreResult.Lesion(
              boxPx, boxMm, areaPx, areaMm2, lesion.peakProbability(), lesion.meanProbability()));
    }
    return lesions;
  }

  private static String fileName(Path path) {
    return path.getFileName().toString();
  }

  private static double millis(Stopwatch stopwatch) {
    return stopwatch.elapsed(TimeUnit.MICROSECONDS) / 1000.0;
  }

  private static double millis(Duration duration) {
    return duration.toNanos() / 1e6;
  }
}
