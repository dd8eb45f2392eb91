/**
 * DICOM for the LatentCADx SDK: installs the DICOM format in {@link org.latentcadx.sdk.ImageFiles}
 * and writes results back as DICOM (Segmentation, heatmap secondary capture), with the PixelMed toolkit.
 */
module org.latentcadx.sdk.dicom {
  requires transitive org.latentcadx.sdk;
  requires java.desktop; // ImageIO codecs and rendering of the overlay
  requires pixelmed; // PixelMed's JAR has no module name of its own; this is the one its file name gives
  requires jai.imageio.jpeg2000; // likewise; JJ2000's logger is reset after each JPEG 2000 decode
  requires com.sun.jna; // Grok, the native JPEG 2000 decoder, when installed
  requires org.slf4j;

  exports org.latentcadx.sdk.dicom;

  provides org.latentcadx.sdk.spi.ImageFormat with org.latentcadx.sdk.dicom.DicomFormat;
}
