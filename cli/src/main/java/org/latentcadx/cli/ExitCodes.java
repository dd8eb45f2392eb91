package org.latentcadx.cli;

/** The exit codes of {@code latentcadx}. */
public final class ExitCodes {

  /** Everything worked. */
  public static final int OK = 0;

  /** Some inputs failed (the others were processed and their results written). */
  public static final int SOME_INPUTS_FAILED = 1;

  /**
   * A usage error, found before any work: bad option, missing input, output that is not a folder,
   * unusable model or device.
   */
  public static final int USAGE = 2;

  /** The run stopped on an unexpected error (a bug, or a failing disk); the message and stack trace say which. */
  public static final int UNEXPECTED_ERROR = 3;

  private ExitCodes() {}
}
