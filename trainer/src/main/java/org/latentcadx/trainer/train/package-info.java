/**
 * Training: the weakly supervised loss (classification cross-entropy, in-outline and out-of-outline
 * mask terms, the options the study compared), optimizers, the staged freeze/unfreeze schedule,
 * checkpoints that resume exactly, and training histories.
 */
package org.latentcadx.trainer.train;
