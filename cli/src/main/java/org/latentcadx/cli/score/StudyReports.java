package org.latentcadx.cli.score;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentcadx.cli.io.AtomicFiles;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.dicom.DicomResultWriter;
import org.latentcadx.sdk.dicom.ScoredImage;

/**
 * The per-study Mammography CAD SRs of a run: the DICOM images scored in the run are collected by
 * study, and each study with two or more of them gets one report covering them all ({@code
 * studies/<Study Instance UID>.sr.dcm}), besides each image's own.
 */
final class StudyReports {

  private final Map<String, List<ScoredImage>> byStudy = new LinkedHashMap<>();

  /** Keeps a scored image (its findings and header, not its pixels or map). */
  synchronized void add(ScoredImage image) {
    byStudy.computeIfAbsent(image.source().studyInstanceUid(), study -> new ArrayList<>()).add(image);
  }

  /**
   * Writes a report for every study with two or more images scored in this run.
   *
   * @return how many reports were written
   */
  synchronized int writeAll(DicomResultWriter writer, OutputLayout layout) throws IOException, LatentCadxException {
    int written = 0;
    for (Map.Entry<String, List<ScoredImage>> study : byStudy.entrySet()) {
      if (study.getValue().size() < 2) {
        continue;
      }
      Path target = layout.studyReport(study.getKey());
      AtomicFiles.writeFile(target, file -> writer.writeCadReport(study.getValue(), file));
      written++;
    }
    return written;
  }
}
