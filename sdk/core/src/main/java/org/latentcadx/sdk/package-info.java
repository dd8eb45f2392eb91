/**
 * The LatentCADx SDK: finds lesions in mammograms with a LatentCADx ONNX model.
 *
 * <p>Data flow of one {@link org.latentcadx.sdk.LesionDetector#detect} call:
 *
 * <ol>
 *   <li>an image file becomes a {@link org.latentcadx.sdk.MammogramImage} through {@link
 *       org.latentcadx.sdk.ImageFiles} (PNG, TIFF; DICOM with the DICOM artifact), or the caller builds one
 *       from its own pixels;
 *   <li>grey levels are normalised to [0, 1] and the image is area-averaged to the model's scale, as the
 *       model's contract says ({@link org.latentcadx.sdk.model});
 *   <li>square tiles cover the model-scale image; ONNX Runtime scores them in batches, giving each tile
 *       a lesion probability and a mask;
 *   <li>the tile masks are blended into a {@link org.latentcadx.sdk.ProbabilityMap}, the tile
 *       probabilities aggregated ({@link org.latentcadx.sdk.Aggregation}) into the image probability,
 *       and the map's connected regions at the lesion threshold become {@link
 *       org.latentcadx.sdk.Lesion}s, all returned as a {@link org.latentcadx.sdk.DetectionResult}.
 * </ol>
 *
 * <p>Results can be drawn ({@link org.latentcadx.sdk.render}), written back as DICOM (the {@code
 * org.latentcadx.sdk.dicom} module) and measured ({@link org.latentcadx.sdk.metrics}). Errors: an {@link
 * IllegalArgumentException} (or {@link NullPointerException}) for an argument that is wrong whatever the
 * data, a {@link org.latentcadx.sdk.LatentCadxException} with an error code for anything that depends
 * on files, models or images.
 */
package org.latentcadx.sdk;
