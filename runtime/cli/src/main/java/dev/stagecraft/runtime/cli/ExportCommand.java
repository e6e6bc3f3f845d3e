package dev.stagecraft.runtime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code stagecraft export TARGET ...}: writes a pipeline for another orchestrator. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export a pipeline for another orchestrator.",
    subcommands = {ExportArgoCommand.class})
final class ExportCommand implements Callable<Integer> {
  @ParentCommand StagecraftCli cli;

  @Override
  public Integer call() {
    cli.err.println("error: name a target: argo (see 'stagecraft export --help')");
    return StagecraftCli.USAGE;
  }
}
