/**
 * The paper's metrics, checked against scikit-learn: ROC and precision-recall curves, confusion counts,
 * best-F1 thresholds, bootstrap confidence intervals and DeLong's comparison for image-level scores;
 * mask overlap (IoU, Dice, IOP, IOA, confused pixels) and detection average precision for masks. Pure
 * functions over arrays; nothing here runs a model.
 */
package org.latentcadx.sdk.metrics;
