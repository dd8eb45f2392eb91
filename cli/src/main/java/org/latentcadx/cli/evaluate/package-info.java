/**
 * {@code latentcadx evaluate}: joins a folder of scores with CBIS-DDSM-style ground truth and writes the
 * classification and segmentation metrics as JSON and an HTML report with plots.
 */
package org.latentcadx.cli.evaluate;
