/**
 * Studies of trained models: patch-level masks against the latent truth and the outline, with
 * patient-clustered paired bootstrap intervals, thresholds chosen on validation folds, whole-image
 * detection through the SDK, and figure grids.
 */
package org.latentcadx.trainer.eval;
