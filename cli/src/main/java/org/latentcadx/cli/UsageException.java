package org.latentcadx.cli;

/**
 * A problem with what the user asked for (an input that does not exist, a model or device that cannot
 * be used): reported in one line, exit code {@value ExitCodes#USAGE}.
 */
public final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
