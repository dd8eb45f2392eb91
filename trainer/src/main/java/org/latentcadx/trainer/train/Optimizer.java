package org.latentcadx.trainer.train;

import java.util.Locale;

/** The update rule of every stage (a fresh optimizer state per stage). */
public enum Optimizer {
  /** SGD with the configured momentum (0: plain SGD). */
  SGD,
  /** Adam (β1 0.9, β2 0.999, ε 1e-7), bias-corrected by the step count within the stage. */
  ADAM;

  /** By command-line name, {@code sgd} or {@code adam}. */
  public static Optimizer of(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "sgd" -> SGD;
      case "adam" -> ADAM;
      default -> throw new IllegalArgumentException("unknown optimizer '" + name + "', expected sgd or adam");
    };
  }
}
