package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * plan, and runs it, recording the plan with the run. {@code run PIPELINE --help} lists the
 * pipeline's parameters with their types, defaults, checks and descriptions.
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
      description =
          "A pipeline parameter, written as in @Default, over the template's; 'stagecraft run PIPELINE"
              + " --help' lists them.")
  List<String> params = new ArrayList<>();

  @Mixin PlanOptions planOptions = new PlanOptions();

  @Mixin RunSettings settings = new RunSettings();

  @Override
  public Integer call() {
    Map<String, String> values = parse(params);
    PipelineDefinition def = cli.catalog().runnable(pipeline);
    return settings.execute(cli, def, planOptions.inputs(values), null);
  }

  /**
   * The {@code -p} values by name (the last of a repeated name wins).
   *
   * @throws UsageException for one that is not {@code name=value}
   */
  static Map<String, String> parse(List<String> params) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String p : params) {
      int eq = p.indexOf('=');
      if (eq < 1) {
        String name = eq < 0 ? p : "NAME";
        throw new UsageException(
            "-p " + p + " is not name=value; write it as -p " + name + "=VALUE");
      }
      values.put(p.substring(0, eq), p.substring(eq + 1));
    }
    return values;
  }

  /** The help's last section: the named pipeline's parameters, or how to see them. */
  String parametersHelp() {
    if (pipeline == null) {
      return "Name a pipeline to see its parameters: stagecraft run PIPELINE --help\n";
    }
    PipelineDefinition def;
    try {
      def = cli.catalog().find(pipeline).definition();
    } catch (UserInputException e) {
      return e.getMessage() + "\n";
    }
    StringBuilder b =
        new StringBuilder("Parameters of ").append(def.name()).append(" (-p name=value):");
    if (def.params().isEmpty()) {
      b.append(" none");
    }
    b.append('\n');
    for (ParamSpec p : def.params()) {
      b.append("  ").append(PipelineFormats.paramLine(p)).append('\n');
    }
    return b.toString();
  }
}
