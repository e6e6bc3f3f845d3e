package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.graph.PipelineDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stagecraft run PIPELINE [-p name=value]... [--profile fact=value]... [--profile-file F]
 * [--template F] [--environment E] [--max-cpu N] [--max-memory 8Gi] [--gpus N] [--store DIR]
 * [--no-cache] [--fail-fast] [--json]}: plans the run as {@code plan} does, refuses an invalid
 * plan, and runs it, recording the plan with the run.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a pipeline.")
final class RunCommand implements Callable<Integer> {
  @ParentCommand StagecraftCli cli;

  @Parameters(
      index = "0",
      paramLabel = "PIPELINE",
      description = "The pipeline's name (see 'stagecraft list').")
  String pipeline;

  @Option(
      names = "-p",
      paramLabel = "name=value",
      description = "A pipeline parameter, written as in @Default; overrides the template's.")
  Map<String, String> params = new LinkedHashMap<>();

  @Mixin PlanOptions planOptions = new PlanOptions();

  @Mixin RunSettings settings = new RunSettings();

  @Override
  public Integer call() {
    PipelineDefinition def = cli.catalog().find(pipeline).definition();
    return settings.execute(cli, def, planOptions.inputs(params), null);
  }
}
