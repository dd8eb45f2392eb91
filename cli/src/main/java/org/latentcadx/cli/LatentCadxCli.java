package org.latentcadx.cli;

import org.latentcadx.cli.evaluate.EvaluateCommand;
import org.latentcadx.cli.inspect.InspectCommand;
import org.latentcadx.cli.score.ScoreCommand;
import org.latentcadx.cli.serve.ServeCommand;
import org.latentcadx.sdk.dicom.DicomReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code latentcadx} command: {@code score}, {@code evaluate} and {@code inspect}.
 *
 * <p>Exit codes: {@value ExitCodes#OK} when everything worked, {@value ExitCodes#SOME_INPUTS_FAILED}
 * when some inputs failed (the rest were processed) or the run stopped on an unexpected error, {@value
 * ExitCodes#USAGE} for a usage error (unknown option, missing or unusable input, model or device).
 */
@Command(
    name = "latentcadx",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Finds lesions in mammograms with a LatentCADx ONNX model.",
    subcommands = {
      ScoreCommand.class,
      EvaluateCommand.class,
      InspectCommand.class,
      ServeCommand.class,
      CommandLine.HelpCommand.class,
      picocli.AutoComplete.GenerateCompletion.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:everything worked",
      "1:some inputs failed (the others were processed)",
      "2:usage error: bad option, missing input, unusable model or device",
      "3:the run stopped on an unexpected error"
    })
public final class LatentCadxCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command and exits the JVM with its exit code. JPEG 2000 is decoded with Grok when it is
   * installed, unless {@code -Dlatentcadx.jpeg2000=jj2000} says otherwise (see {@link
   * DicomReader#JPEG2000_DECODER_PROPERTY}).
   */
  public static void main(String[] args) {
    if (System.getProperty(DicomReader.JPEG2000_DECODER_PROPERTY) == null) {
      System.setProperty(DicomReader.JPEG2000_DECODER_PROPERTY, "grok");
    }
    System.exit(execute(args));
  }

  /** Runs the command and returns its exit code (used by tests, which must not exit the JVM). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line (exit codes and error handling as documented above). */
  public static CommandLine commandLine() {
    CommandLine commandLine =
        new CommandLine(new LatentCadxCli()).setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          failed.getErr().println("latentcadx: " + exception.getMessage());
          if (!(exception instanceof UsageException)) {
            exception.printStackTrace(failed.getErr());
          }
          return exception instanceof UsageException ? ExitCodes.USAGE : ExitCodes.UNEXPECTED_ERROR;
        });
    commandLine.setParameterExceptionHandler(LatentCadxCli::usageError);
    return commandLine;
  }

  /** A bad command line: the message and a one-line hint (not the whole help), exit code 2. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    java.io.PrintWriter err = command.getErr();
    err.println(command.getCommandName().equals("latentcadx") ? "latentcadx: " + e.getMessage()
        : "latentcadx " + command.getCommandName() + ": " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return ExitCodes.USAGE;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a sub-command is required");
  }
}
