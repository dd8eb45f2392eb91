package org.latentcadx.trainer.data;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.ImageMetadata;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.dicom.DicomReader;
import org.latentcadx.sdk.internal.FloatGrid;
import org.latentcadx.sdk.internal.model.ModelContract;
import org.latentcadx.sdk.internal.preprocess.GreyLevelNormalizer;
import org.latentcadx.sdk.internal.preprocess.ModelScaleConverter;

/**
 * Reads images and masks (DICOM {@code .dcm}, grey PNG or TIFF) and brings them to the model's scale
 * with the SDK's own preprocessing ({@link ModelScaleConverter}), so that training patches match what the detector feeds the model:
 * bits-stored normalisation to [0, 1], then zero padding to a multiple of the factor and area averaging.
 */
final class ModelScale {

  private final int factor;
  private final ModelScaleConverter converter;

  ModelScale(int factor, int tileSize) {
    if (factor < 1) {
      throw new IllegalArgumentException("downsample factor must be ≥ 1, got " + factor);
    }
    this.factor = factor;
    ModelContract contract =
        new ModelContract(
            "patch-extraction", "0", "image", "probability", "mask", tileSize, tileSize, factor,
            ModelContract.Normalization.BITS_STORED, Optional.empty(), 0.5f);
    try {
      this.converter = new ModelScaleConverter(new GreyLevelNormalizer(contract, Optional.empty()), factor);
    } catch (LatentCadxException e) {
      throw new IllegalStateException("bits-stored normalisation needs no scanner", e);
    }
  }

  int factor() {
    return factor;
  }

  /**
   * An image at the model's scale.
   *
   * @param grid grey levels in [0, 1] at the model's scale
   * @param originalWidth width at the original scale
   * @param originalHeight height at the original scale
   */
  record Scaled(FloatGrid grid, int originalWidth, int originalHeight) {}

  /** The image normalised to [0, 1] and downsampled. */
  Scaled image(Path file) throws IOException {
    MammogramImage image = read(file);
    try {
      return new Scaled(converter.convert(image), image.width(), image.height());
    } catch (LatentCadxException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The share of each model-scale pixel covered by a mask (any non-zero stored value is inside).
   *
   * @param expectedWidth the width of the image the mask belongs to, at the original scale
   * @param expectedHeight its height
   */
  FloatGrid mask(Path file, int expectedWidth, int expectedHeight) throws IOException {
    MammogramImage mask = read(file);
    if (mask.width() != expectedWidth || mask.height() != expectedHeight) {
      throw new IOException(
          file + ": mask is " + mask.width() + "×" + mask.height() + " but its image is " + expectedWidth
              + "×" + expectedHeight);
    }
    float[] values = mask.pixels();
    for (int i = 0; i < values.length; i++) {
      values[i] = values[i] != 0 ? 1f : 0f;
    }
    try {
      return converter.convert(
          MammogramImage.ofFloats(mask.width(), mask.height(), values, ImageMetadata.of(file.toString())));
    } catch (LatentCadxException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Width and height of an image file at the original scale, read from its header only. */
  static int[] size(Path file) throws IOException {
    if (!isDicom(file)) {
      return GreyPng.size(file);
    }
    AttributeList header = new AttributeList();
    try {
      header.read(file.toString(), TagFromName.PixelData);
    } catch (DicomException e) {
      throw new IOException(file + ": not a readable DICOM file: " + e.getMessage(), e);
    }
    int columns = Attribute.getSingleIntegerValueOrDefault(header, TagFromName.Columns, 0);
    int rows = Attribute.getSingleIntegerValueOrDefault(header, TagFromName.Rows, 0);
    if (columns <= 0 || rows <= 0) {
      throw new IOException(file + ": DICOM header has no positive Rows/Columns");
    }
    return new int[] {columns, rows};
  }

  static boolean isDicom(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dcm");
  }

  /** Reads a DICOM, PNG or TIFF file. */
  static MammogramImage read(Path file) throws IOException {
    try {
      return isDicom(file) ? DicomReader.create().read(file).image() : MammogramImage.read(file);
    } catch (LatentCadxException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
