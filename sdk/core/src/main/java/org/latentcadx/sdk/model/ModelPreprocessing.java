package org.latentcadx.sdk.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.latentcadx.sdk.DdsmScanner;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.sdk.MammogramImage;
import org.latentcadx.sdk.internal.FloatGrid;
import org.latentcadx.sdk.internal.preprocess.GreyLevelNormalizer;
import org.latentcadx.sdk.internal.preprocess.ModelScaleConverter;
import org.latentcadx.sdk.internal.tiling.Tile;
import org.latentcadx.sdk.internal.tiling.TileGrid;

/**
 * The preprocessing and tiling a {@link org.latentcadx.sdk.LesionDetector} applies for a model
 * contract, for code that must match it exactly: a trainer cutting training patches, a conformance kit
 * comparing against reference pipelines. {@link #toModelScale} normalises grey levels to [0, 1] as the
 * contract's normalisation says, pads the image with zeros on the right and bottom to a multiple of the
 * downsample factor and area-averages it; {@link #tileOrigins} lists the tiles that cover a model-scale
 * image. Instances are immutable and thread-safe.
 */
public final class ModelPreprocessing {

  /**
   * The top-left pixel of a tile in a model-scale image.
   *
   * @param x column
   * @param y row
   */
  public record TileOrigin(int x, int y) {}

  private final ModelContract contract;
  private final ModelScaleConverter converter;

  private ModelPreprocessing(ModelContract contract, ModelScaleConverter converter) {
    this.contract = contract;
    this.converter = converter;
  }

  /**
   * The preprocessing of {@code contract}.
   *
   * @param scanner the DDSM digitiser of the images, needed when the contract's normalisation is
   *     optical density
   * @throws IllegalArgumentException if the contract needs a scanner and none is given
   */
  public static ModelPreprocessing of(ModelContract contract, Optional<DdsmScanner> scanner) {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(scanner, "scanner");
    try {
      return new ModelPreprocessing(
          contract,
          new ModelScaleConverter(new GreyLevelNormalizer(contract, scanner), contract.downsampleFactor()));
    } catch (LatentCadxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The contract this preprocessing follows. */
  public ModelContract contract() {
    return contract;
  }

  /**
   * The image at the model's scale: {@code ceil(W/f) × ceil(H/f)} float pixels in [0, 1], with the
   * source's metadata and no bits stored.
   *
   * @throws LatentCadxException {@code INVALID_IMAGE} when the grey levels do not fit the normalisation
   *     (e.g. float pixels outside [0, 1] without bits stored)
   */
  public MammogramImage toModelScale(MammogramImage image) throws LatentCadxException {
    FloatGrid small = converter.convert(image);
    return MammogramImage.ofFloats(
        small.width(), small.height(), small.data(), image.metadata().withBitsStored(0));
  }

  /**
   * The tiles that cover a model-scale image, in row-major grid order: along each axis they start at
   * {@code 0, stride, 2·stride, …} while a whole tile fits, plus one tile flush with the far edge when
   * the last stops short of it; an axis shorter than a tile has one tile at 0 (the image is padded with
   * zeros to a whole tile).
   *
   * @param stride the step between tiles, 1 to the contract's tile size
   * @throws IllegalArgumentException if a size is not positive or the stride is out of range
   */
  public List<TileOrigin> tileOrigins(int modelWidth, int modelHeight, int stride) {
    TileGrid grid = new TileGrid(modelWidth, modelHeight, contract.tileSize(), stride);
    List<TileOrigin> origins = new ArrayList<>(grid.size());
    for (Tile tile : grid.tiles()) {
      origins.add(new TileOrigin(tile.origin().x(), tile.origin().y()));
    }
    return origins;
  }
}
