/**
 * {@code latentcadx score}: finds the inputs, scores each with one shared detector, writes its outputs
 * atomically, skips inputs already scored with the same model and settings, and records failures without
 * stopping the batch.
 */
package org.latentcadx.cli.score;
