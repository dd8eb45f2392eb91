/**
 * The {@code latentcadx} command: {@code score} (batch scoring of image files), {@code evaluate}
 * (metrics and an HTML report against ground truth) and {@code inspect} (what a model file is), with
 * the exit codes and option handling they share.
 */
package org.latentcadx.cli;
