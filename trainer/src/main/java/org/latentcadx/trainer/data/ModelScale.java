package org.latentcadx.trainer.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.latentcadx.sdk.ImageFiles;
import org.latentcadx.sdk.ImageMetadata;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.model.ModelContract;
import org.latentcadx.sdk.model.ModelPreprocessing;

/**
 * Reads images and masks (DICOM {@code .dcm}, grey PNG or TIFF) and brings them to the model's scale
 * with the SDK's own preprocessing ({@link ModelPreprocessing}), so that training patches match what the detector feeds the model:
 * bits-stored normalisation to [0, 1], then zero padding to a multiple of the factor and area averaging.
 */
final class ModelScale {

  private final int factor;
  private final int tileSize;
  private final ModelPreprocessing preprocessing;

  ModelScale(int factor, int tileSize) {
    if (factor < 1) {
      throw new IllegalArgumentException("downsample factor must be ≥ 1, got " + factor);
    }
    this.factor = factor;
    this.tileSize = tileSize;
    ModelContract contract =
        new ModelContract(
            "patch-extraction", "0", "image", "probability", "mask", tileSize, tileSize, factor,
            ModelContract.Normalization.BITS_STORED, Optional.empty(), 0.5f);
    this.preprocessing = ModelPreprocessing.of(contract, Optional.empty());
  }

  int factor() {
    return factor;
  }

  int tileSize() {
    return tileSize;
  }

  /**
   * An image at the model's scale.
   *
   * @param grid grey levels in [0, 1] at the model's scale
   * @param originalWidth width at the original scale
   * @param originalHeight height at the original scale
   */
  record Scaled(ModelScaleGrid grid, int originalWidth, int originalHeight) {}

  /** The image normalised to [0, 1] and downsampled. */
  Scaled image(Path file) throws IOException {
    return image(read(file), file);
  }

  /** {@code image}, read from {@code file}, normalised to [0, 1] and downsampled. */
  Scaled image(MammogramImage image, Path file) throws IOException {
    try {
      return new Scaled(toModelScale(image), image.width(), image.height());
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
  ModelScaleGrid mask(Path file, int expectedWidth, int expectedHeight) throws IOException {
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
      return toModelScale(
          MammogramImage.ofFloats(mask.width(), mask.height(), values, ImageMetadata.of(file.toString())));
    } catch (LatentCadxException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private ModelScaleGrid toModelScale(MammogramImage image) throws LatentCadxException {
    MammogramImage small = preprocessing.toModelScale(image);
    return new ModelScaleGrid(small.width(), small.height(), small.pixels());
  }

  /** Width and height of an image file at the original scale, read from its header only. */
  static int[] size(Path file) throws IOException {
    try {
      ImageFiles.Dimensions dimensions = ImageFiles.dimensions(file);
      return new int[] {dimensions.width(), dimensions.height()};
    } catch (LatentCadxException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Reads a DICOM, PNG or TIFF file. */
  static MammogramImage read(Path file) throws IOException {
    try {
      return ImageFiles.read(file).image();
    } catch (LatentCadxException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
