package org.latentcadx.cli.score;

import java.nio.file.Path;

/**
 * Where {@code score} writes: per image, files named after the input key mirrored into the output
 * folder ({@code <out>/<key>.json} and siblings); per study of two or more DICOM images, a CAD SR in
 * {@code <out>/studies/}; per run, {@code summary.csv}, {@code errors.csv} and {@code timings.csv} at
 * the top.
 */
public final class OutputLayout {

  // Suffixes of the per-image files.
  static final String RESULT = ".json";
  static final String TIMINGS = ".timings.json";
  static final String OVERLAY_PNG = ".overlay.png";
  static final String PROBABILITY_MAP = ".map.png";
  static final String SEGMENTATION = ".seg.dcm";
  static final String OVERLAY_DICOM = ".overlay.dcm";
  static final String CAD_REPORT = ".sr.dcm";
  /** Folder of the per-study CAD SRs. */
  static final String STUDIES = "studies";

  private final Path folder;

  public OutputLayout(Path folder) {
    this.folder = folder.toAbsolutePath().normalize();
  }

  public Path folder() {
    return folder;
  }

  /** The JSON result of the input; written last, so its presence marks the input done. */
  public Path result(String key) {
    return perImage(key, RESULT);
  }

  public Path timings(String key) {
    return perImage(key, TIMINGS);
  }

  public Path overlayPng(String key) {
    return perImage(key, OVERLAY_PNG);
  }

  public Path probabilityMap(String key) {
    return perImage(key, PROBABILITY_MAP);
  }

  public Path segmentation(String key) {
    return perImage(key, SEGMENTATION);
  }

  public Path overlayDicom(String key) {
    return perImage(key, OVERLAY_DICOM);
  }

  public Path cadReport(String key) {
    return perImage(key, CAD_REPORT);
  }

  /** The CAD SR of the images of one study scored in a run (Study Instance UID: a checked UID). */
  public Path studyReport(String studyInstanceUid) {
    return folder.resolve(STUDIES).resolve(studyInstanceUid + CAD_REPORT);
  }

  public Path summaryCsv() {
    return folder.resolve("summary.csv");
  }

  public Path errorsCsv() {
    return folder.resolve("errors.csv");
  }

  public Path timingsCsv() {
    return folder.resolve("timings.csv");
  }

  /** True when {@code fileName} is one of the per-image files this layout writes. */
  static boolean isOutputName(String fileName) {
    return fileName.endsWith(OVERLAY_PNG)
        || fileName.endsWith(PROBABILITY_MAP)
        || fileName.endsWith(SEGMENTATION)
        || fileName.endsWith(OVERLAY_DICOM)
        || fileName.endsWith(CAD_REPORT);
  }

  private Path perImage(String key, String suffix) {
    return folder.resolve(key + suffix);
  }
}
