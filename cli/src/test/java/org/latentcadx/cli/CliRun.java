package org.latentcadx.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code latentcadx} in-process and keeps its exit code and output. */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun of(Object... args) {
    String[] text = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      text[i] = String.valueOf(args[i]);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = LatentCadxCli.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int code = commandLine.execute(text);
    return new CliRun(code, out.toString(), err.toString());
  }
}
