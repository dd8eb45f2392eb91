package org.latentcadx.sdk;

/**
 * The film digitisers of the Digital Database for Screening Mammography (DDSM) and their published
 * grey level (GL) → optical density (OD) calibrations, as data: {@code OD = intercept + slope · x}
 * where {@code x} is {@code log10(GL)} for logarithmic scanners and {@code GL} otherwise.
 *
 * <p>Source of every formula: the DDSM calibration pages of the University of South Florida
 * (http://www.eng.usf.edu/cvprg/Mammography/DDSM/calibrate/, e.g. {@code DBA_Scanner_info.html}), fitted
 * there on scanned step-wedge phantoms, and reproduced unchanged by common DDSM tools (e.g. the {@code
 * grey_to_optical.csv} table of the pyddsm pipeline). The case's {@code .ics} file names the digitiser;
 * the case letter names the site (A = MGH, B/C = WFUSM, D = ISMD).
 */
public enum DdsmScanner {
  /** MGH (cases "A…"), DBA M2100 ImageClear: {@code OD = (log10(GL) − 4.80662) / −1.07553}. */
  DBA_MGH(true, 4.80662 / 1.07553, -1 / 1.07553),
  /** MGH (cases "A…"), HOWTEK scanner: {@code OD = 3.789 − 0.00094568 · GL}. */
  HOWTEK_MGH(false, 3.789, -0.00094568),
  /** Wake Forest (cases "B…"/"C…"), LUMISYS laser scanner: {@code OD = (GL − 4096.99) / −1009.01}. */
  LUMISYS_WFU(false, 4096.99 / 1009.01, -1 / 1009.01),
  /**
   * ISMD (cases "D…"), HOWTEK scanner: {@code OD = 3.96604095240593 −
   * 0.00099055807612 · GL}.
   */
  HOWTEK_ISMD(false, 3.96604095240593, -0.00099055807612);

  private final boolean logarithmic;
  private final double intercept;
  private final double slope;

  DdsmScanner(boolean logarithmic, double intercept, double slope) {
    this.logarithmic = logarithmic;
    this.intercept = intercept;
    this.slope = slope;
  }

  /**
   * The optical density of a grey level, unclipped. A grey level of 0 on a logarithmic scanner gives
   * positive infinity (fully opaque film).
   */
  public double opticalDensity(double greyLevel) {
    double x = logarithmic ? Math.log10(Math.max(greyLevel, 0)) : greyLevel;
    return intercept + slope * x;
  }
}
