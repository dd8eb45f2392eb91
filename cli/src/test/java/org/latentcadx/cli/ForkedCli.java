package org.latentcadx.cli;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.latentcadx.sdk.testing.Processes;

/** The {@code latentcadx} command's {@code main} in a JVM of its own, on the tests' class path. */
public final class ForkedCli {

  private ForkedCli() {}

  /** Runs {@code java JVM_OPTIONS -cp … LatentCadxCli ARGUMENTS}. */
  public static Processes.Result run(Duration timeout, List<String> jvmOptions, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(String.join(File.pathSeparator, System.getProperty("java.class.path"),
        System.getProperty("jdk.module.path", "")));
    command.add(LatentCadxCli.class.getName());
    command.addAll(List.of(arguments));
    return Processes.run(timeout, command);
  }
}
