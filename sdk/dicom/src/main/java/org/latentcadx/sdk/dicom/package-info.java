/**
 * DICOM for the SDK, with PixelMed. Reading: this module installs the DICOM format in {@link
 * org.latentcadx.sdk.ImageFiles}, so DICOM files are read like any other image and come back as {@link
 * org.latentcadx.sdk.dicom.DicomImage}s (grey levels after the Modality LUT, MONOCHROME1 inverted, plus
 * the source attributes); {@link org.latentcadx.sdk.dicom.DicomReader} reads DICOM held in memory.
 * Writing: {@link org.latentcadx.sdk.dicom.DicomResultWriter} writes the lesion mask and the probability
 * map as Segmentations and the overlay as a secondary capture, in the source's study. Hostile files are
 * refused with a {@link org.latentcadx.sdk.LatentCadxException} before any large allocation.
 */
package org.latentcadx.sdk.dicom;
