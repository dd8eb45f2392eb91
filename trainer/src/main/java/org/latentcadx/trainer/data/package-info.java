/**
 * Training data: CBIS-DDSM-layout abnormalities and normal images read through the SDK and brought to
 * the model's scale with the SDK's own preprocessing, cut into patches and kept in a memory-mapped patch
 * store with patient folds; augmentation and batches.
 */
package org.latentcadx.trainer.data;
