package dev.stagecraft.runtime.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.stagecraft.runtime.graph.PipelineProvider;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code stagecraft list [--json]}: the pipelines that can run. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the pipelines on the classpath.")
final class ListCommand implements Callable<Integer> {
  @ParentCommand StagecraftCli cli;

  @Option(names = "--json", description = "Print a JSON array of {name, description}.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    List<PipelineProvider> all = cli.catalog().all();
    if (json) {
      ArrayNode a = PipelineFormats.JSON.createArrayNode();
      for (PipelineProvider p : all) {
        a.addObject().put("name", p.name()).put("description", p.description());
      }
      cli.out.println(
          PipelineFormats.JSON
              .writer()
              .withoutFeatures(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(a));
      return 0;
    }
    if (all.isEmpty()) {
      cli.out.println("no pipelines found (add your compiled pipelines with STAGECRAFT_CLASSPATH)");
      return 0;
    }
    int width = all.stream().mapToInt(p -> p.name().length()).max().orElse(0);
    for (PipelineProvider p : all) {
      cli.out.println(
          String.format("%-" + width + "s  %s", p.name(), p.description()).stripTrailing());
    }
    return 0;
  }
}
