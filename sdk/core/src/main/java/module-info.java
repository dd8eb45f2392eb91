/**
 * The LatentCADx SDK: finds lesions in mammograms with a LatentCADx ONNX model (ONNX Runtime, CPU or
 * CUDA), reads image files, and computes the paper's metrics. Only the API packages are exported; the
 * {@code internal} packages are implementation. DICOM support is the separate {@code
 * org.latentcadx.sdk.dicom} module, found through {@link org.latentcadx.sdk.spi.ImageFormat}.
 */
module org.latentcadx.sdk {
  requires transitive java.desktop; // ImageIO for PNG and TIFF; BufferedImage in the render API
  requires com.microsoft.onnxruntime;
  requires org.slf4j;
  requires org.apache.commons.numbers.gamma;

  exports org.latentcadx.sdk;
  exports org.latentcadx.sdk.metrics;
  exports org.latentcadx.sdk.model;
  exports org.latentcadx.sdk.render;
  exports org.latentcadx.sdk.spi;

  uses org.latentcadx.sdk.spi.ImageFormat;
}
