package org.latentcadx.cli.score;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The per-image files {@code score} can write besides the JSON result ({@code --outputs}). Each costs
 * time per image (about half a second for the PNGs together and a second for the DICOM objects on a
 * 4000 × 6000 mammogram on two cores); the default leaves out the overlay secondary capture, which only
 * viewers without SEG or CAD SR support need.
 */
public enum ImageOutput {
  /** {@code <key>.map.png}: the probability map (evaluate's segmentation metrics read it). */
  MAP,
  /** {@code <key>.overlay.png}: the overlay picture with its caption. */
  OVERLAY,
  /** {@code <key>.seg.dcm}: DICOM inputs only, the lesion mask as a BINARY Segmentation. */
  SEG,
  /** {@code <key>.sr.dcm}: DICOM inputs only, the Mammography CAD SR (and the per-study SRs). */
  SR,
  /** {@code <key>.overlay.dcm}: DICOM inputs only, the overlay as an RGB secondary capture. */
  OVERLAY_DCM;

  /** What {@code score} writes unless told otherwise. */
  public static final Set<ImageOutput> DEFAULT = EnumSet.of(MAP, OVERLAY, SEG, SR);

  /** The name on the command line, e.g. {@code overlay-dcm}. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The output an option name names. */
  public static ImageOutput parse(String name) {
    for (ImageOutput output : values()) {
      if (output.optionName().equals(name.strip().toLowerCase(Locale.ROOT))) {
        return output;
      }
    }
    throw new IllegalArgumentException("'" + name + "' is not an output; expected map, overlay, seg, sr,"
        + " overlay-dcm, all or none");
  }
}
