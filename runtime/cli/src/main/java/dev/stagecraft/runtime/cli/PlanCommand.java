package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.plan.Plan;
import dev.stagecraft.runtime.store.plan.PlanJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stagecraft plan PIPELINE [-p name=value]... [--profile fact=value]... [--profile-file F]
 * [--template F] [--environment E] [--max-cpu N] [--max-memory Q] [--gpus N] [--optimize] [--prices
 * F] [--store DIR] [--json]}: the resolved plan, without running anything, with each stage's and
 * the run's predictions from the store's history (read-only). An invalid plan is printed whole,
 * with its problems, and exits 2.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Show how a pipeline would run for a profile and a template, without running it.")
final class PlanCommand implements Callable<Integer> {
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
  List<String> params = new ArrayList<>();

  @Mixin PlanOptions planOptions = new PlanOptions();

  @Mixin CapacityOptions capacity = new CapacityOptions();

  @Mixin StoreOption store = new StoreOption();

  @Option(names = "--json", description = "Print the plan as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PipelineDefinition def = cli.catalog().find(pipeline).definition();
    ResourceRequest available = capacity.apply(RunOptions.defaults()).capacity();
    Plan plan =
        planOptions
            .inputs(RunCommand.parse(params))
            .plan(def, available, StoreOption.history(store.directory(cli.env), def.name()));
    if (json) {
      cli.out.println(PlanJson.of(plan).toPrettyString());
    } else {
      cli.out.print(PlanText.of(plan, def, available));
    }
    if (plan.valid()) {
      return 0;
    }
    int n = plan.problems().size();
    cli.err.println(
        "error: the plan has "
            + n
            + " problem"
            + (n == 1 ? "" : "s")
            + (json ? " (\"problems\" in the JSON)" : " (listed above)")
            + ": a run with these options would not start");
    return StagecraftCli.USAGE;
  }
}
