package dev.stagecraft.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.runtime.components.deploy.Deployment;
import dev.stagecraft.runtime.components.deploy.ModelRegistry;
import dev.stagecraft.runtime.components.deploy.TargetState;
import dev.stagecraft.runtime.store.codec.JsonMappers;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stagecraft deployments [--store DIR] [--json]}: every deployment target of the model
 * registry in {@code STORE/registry} with its versions (run, stage, model type, accuracy), the one
 * in service marked {@code *}; {@code stagecraft deployments rollback TARGET} points a target back
 * at the version it served before.
 */
@Command(
    name = "deployments",
    mixinStandardHelpOptions = true,
    description = "List deployment targets and their model versions.",
    subcommands = DeploymentsCommand.Rollback.class)
final class DeploymentsCommand implements Callable<Integer> {
  @ParentCommand StagecraftCli cli;

  @Mixin StoreOption store = new StoreOption();

  @Option(names = "--json", description = "Print the targets as one JSON object on stdout.")
  boolean json;

  ModelRegistry registry() {
    return ModelRegistry.inStore(store.directory(cli.env));
  }

  @Override
  public Integer call() throws Exception {
    ModelRegistry registry = registry();
    List<TargetState> targets = registry.list();
    if (json) {
      ObjectMapper mapper = JsonMappers.create();
      ObjectNode root = mapper.createObjectNode();
      root.put("registry", registry.directory().toString());
      ArrayNode array = root.putArray("targets");
      for (TargetState t : targets) {
        ObjectNode node = array.addObject();
        node.put("target", t.target());
        if (t.currentVersion() == null) {
          node.putNull("currentVersion");
        } else {
          node.put("currentVersion", t.currentVersion());
        }
        node.set("versions", mapper.valueToTree(t.versions()));
      }
      cli.out.println(mapper.writeValueAsString(root));
      return 0;
    }
    if (targets.isEmpty()) {
      cli.out.println(
          "no deployments in "
              + registry.directory()
              + " (run a pipeline that deploys, e.g."
              + " ./stagecraft run advanced-ml)");
      return 0;
    }
    String row = "  %-1s %-12s %7s  %-22s  %-10s  %-20s  %8s  %s";
    cli.out.println(
        String.format(row, "", "TARGET", "VERSION", "RUN", "STAGE", "MODEL", "ACCURACY", "DEPLOYED")
            .stripTrailing());
    for (TargetState t : targets) {
      for (Deployment d : t.versions()) {
        boolean current = Objects.equals(t.currentVersion(), d.version());
        cli.out.println(
            String.format(
                    row,
                    current ? "*" : "",
                    d.target(),
                    d.version(),
                    d.runId(),
                    d.stage(),
                    d.modelType(),
                    d.accuracy() == null ? "-" : String.format("%.4f", d.accuracy()),
                    d.deployedAt())
                .stripTrailing());
      }
    }
    cli.out.println("(* the version in service; registry " + registry.directory() + ")");
    return 0;
  }

  /** {@code stagecraft deployments rollback TARGET}. */
  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = "Put the version a target served before its current one back in service.")
  static final class Rollback implements Callable<Integer> {
    @ParentCommand DeploymentsCommand parent;

    @Parameters(index = "0", paramLabel = "TARGET", description = "The target, e.g. production.")
    String target;

    @Mixin StoreOption store = new StoreOption();

    @Override
    public Integer call() {
      ModelRegistry registry =
          store.store != null
              ? ModelRegistry.inStore(store.directory(parent.cli.env))
              : parent.registry();
      Deployment now = registry.rollback(target);
      parent.cli.out.println(
          "rolled back "
              + target
              + " to version "
              + now.version()
              + " ("
              + now.modelType()
              + " from run "
              + now.runId()
              + ", stage "
              + now.stage()
              + ")");
      return 0;
    }
  }
}
