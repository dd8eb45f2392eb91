package org.latentcadx.cli;

import picocli.CommandLine;

/** The version shown by {@code --version}: the JAR's implementation version when packaged. */
final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = LatentCadxCli.class.getPackage().getImplementationVersion();
    return new String[] {"latentcadx " + (version == null ? "(development build)" : version)};
  }
}
