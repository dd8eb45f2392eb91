package org.latentcadx.cli;

/** The exit codes of {@code latentcadx}. */
public final class ExitCodes {

  /** Everything worked. */
  public static final int OK = 0;

  /** Some inputs failed (the others were processed), or the run stopped on an error. */
  public static final int SOME_INPUTS_FAILED = 1;

  /** A usage error: bad option, missing input, unusable model or device. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
