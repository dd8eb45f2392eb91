package org.latentcadx.sdk.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.latentcadx.sdk.DetectionResult;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.LatentCadxException.ErrorCode;
import org.latentcadx.sdk.ProbabilityMap;

/**
 * Writes the results of scoring one DICOM image back as DICOM objects in the source's study, each in a
 * new series and referencing the source image (see {@code sdk/dicom/README.md}):
 *
 * <ul>
 *   <li>{@link #writeLesionSegmentation}: a BINARY Segmentation (SEG) of the thresholded lesion mask;
 *   <li>{@link #writeProbabilitySegmentation}: a FRACTIONAL (PROBABILITY) SEG of the probability map;
 *   <li>{@link #writeHeatmapOverlay}: an RGB Secondary Capture of the heatmap over the image, for
 *       viewers without SEG support;
 *   <li>{@link #writeCadReport}: a Mammography CAD SR (TID 4000) with one single-image finding per
 *       lesion (centre and outline on the source image), which mammography workstations show as CAD
 *       marks.
 * </ul>
 *
 * <p>The segmentations are at the source's Rows × Columns: a map at the model's downsampled scale is
 * first enlarged bilinearly ({@link ProbabilityMap#toOriginalSize}), then thresholded; the CAD SR's
 * coordinates are in the source's pixels; the overlay is a picture at display size (at most 2048 pixels
 * on its long side). Each method returns the
 * new object's SOP Instance UID. Instances are immutable and thread-safe.
 */
public final class DicomResultWriter {

  private final AlgorithmIdentity algorithm;

  private DicomResultWriter(AlgorithmIdentity algorithm) {
    this.algorithm = algorithm;
  }

  /** A writer that credits {@code algorithm} (name and version) in every object. */
  public static DicomResultWriter create(AlgorithmIdentity algorithm) {
    Objects.requireNonNull(algorithm, "algorithm");
    return new DicomResultWriter(algorithm);
  }

  /** Writes the lesion mask, probability ≥ {@code threshold}, as a BINARY segmentation. */
  public String writeLesionSegmentation(
      DicomSource source, ProbabilityMap map, double threshold, Path output) throws LatentCadxException {
    ProbabilityMap.checkThreshold(threshold);
    DerivedObject.requireSourceSize(source, map);
    return write(source.name(), output, () -> Segmentation.binary(source, map, threshold, algorithm));
  }

  /** Writes the probability map as a FRACTIONAL segmentation of type PROBABILITY (0..255). */
  public String writeProbabilitySegmentation(DicomSource source, ProbabilityMap map, Path output)
      throws LatentCadxException {
    DerivedObject.requireSourceSize(source, map);
    return write(source.name(), output, () -> Segmentation.fractional(source, map, algorithm));
  }

  /** Writes the heatmap overlay, with the mask outlined at {@code threshold}, as an RGB SC image. */
  public String writeHeatmapOverlay(DicomImage source, ProbabilityMap map, double threshold, Path output)
      throws LatentCadxException {
    ProbabilityMap.checkThreshold(threshold);
    DerivedObject.requireSourceSize(source.source(), map);
    return write(source.source().name(), output, () -> HeatmapOverlay.build(source, map, threshold, algorithm));
  }

  /**
   * Writes a Mammography CAD SR for one image; see {@link #writeCadReport(List, Path)} and {@link
   * ScoredImage#of}.
   */
  public String writeCadReport(DicomSource source, DetectionResult detection, double lesionThreshold, Path output)
      throws LatentCadxException {
    return writeCadReport(List.of(ScoredImage.of(source, detection, lesionThreshold)), output);
  }

  /**
   * Writes a Mammography CAD SR (SOP class 1.2.840.10008.5.1.4.1.1.88.50, template TID 4000) for images
   * of one study scored by one model at one lesion threshold: an image library entry per image, and a
   * single-image finding per lesion with its certainty (the peak probability, in percent), its rendering
   * intent (required when the peak reaches the model's decision threshold, else optional) and its centre
   * and outline in the source image's pixels. Images without lesions are reported as "All algorithms
   * succeeded; without findings".
   *
   * @throws IllegalArgumentException when {@code images} is empty, or mixes studies, models or lesion
   *     thresholds
   */
  public String writeCadReport(List<ScoredImage> images, Path output) throws LatentCadxException {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("a CAD report needs at least one image");
    }
    ScoredImage first = images.get(0);
    for (ScoredImage image : images) {
      String differs = !image.source().studyInstanceUid().equals(first.source().studyInstanceUid())
          ? "is in another study"
          : !image.model().sha256().equals(first.model().sha256())
              ? "was scored by another model"
              : image.lesionThreshold() != first.lesionThreshold() ? "was scored at another lesion threshold" : null;
      if (differs != null) {
        throw new IllegalArgumentException("a CAD report covers one study, model and lesion threshold; "
            + image.source().name() + " " + differs + " than " + first.source().name());
      }
    }
    return write(first.source().name(), output, () -> CadReport.build(images));
  }

  /** Builds an object. */
  private interface Builder {
    AttributeList build() throws LatentCadxException, DicomException;
  }

  private static String write(String sourceName, Path output, Builder builder) throws LatentCadxException {
    Objects.requireNonNull(output, "output");
    AttributeList list;
    try {
      list = builder.build();
    } catch (DicomException e) {
      throw new LatentCadxException(ErrorCode.IO_ERROR,
          output + ": cannot build the object derived from " + sourceName + ": " + e, e);
    }
    DerivedObject.write(list, output);
    return Attributes.string(list, "SOPInstanceUID");
  }
}
