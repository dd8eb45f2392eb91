package org.latentcadx.trainer.data;

import java.util.List;

/**
 * The JSON index of a patch store ({@code index.json}); see DATA.md for the byte layout of
 * {@code patches.bin}.
 */
record StoreIndex(
    String format,
    int version,
    int tileSize,
    int contextSize,
    int folds,
    String imageEncoding,
    String maskEncoding,
    List<PatchRecord> records) {

  static final String FORMAT = "latentcadx-patch-store";
  static final int VERSION = 1;
  static final String IMAGE_ENCODING = "uint16 little-endian, value / 65535 = model input in [0, 1]";
  static final String MASK_ENCODING = "uint8, 0 or 1";
  static final String INDEX_FILE = "index.json";
  static final String DATA_FILE = "patches.bin";

  /** Bytes of one patch in the data file: image (2 bytes/pixel), outline and latent (1 byte/pixel each). */
  static long recordBytes(int contextSize) {
    return 4L * contextSize * contextSize;
  }
}
