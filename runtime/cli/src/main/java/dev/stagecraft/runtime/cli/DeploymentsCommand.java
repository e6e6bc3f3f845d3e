package dev.stagecraft.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.runtime.components.deploy.Deployment;
import dev.stagecraft.runtime.components.deploy.ModelRegistry;
import dev.stagecraft.runtime.components.deploy.TargetState;
import dev.stagecraft.runtime.store.codec.JsonMappers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stagecraft deployments [--store DIR] [--json]}: every model of the model registry in
 * {@code STORE/registry} with its targets and versions (run, stage, data set, model type,
 * accuracy), the one in service marked {@code *}; it only reads. {@code stagecraft deployments
 * rollback TARGET [--model M]} points a model's target back at the version it served before.
 */
@Command(
    name = "deployments",
    mixinStandardHelpOptions = true,
    description = "List models, their deployment targets and versions.",
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
        node.put("model", t.model());
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
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "",
            "MODEL",
            "TARGET",
            "VERSION",
            "RUN",
            "STAGE",
            "DATA SET",
            "MODEL TYPE",
            "ACCURACY",
            "DEPLOYED"));
    for (TargetState t : targets) {
      for (Deployment d : t.versions()) {
        boolean current = Objects.equals(t.currentVersion(), d.version());
        rows.add(
            List.of(
                current ? "*" : "",
                t.model(),
                d.target(),
                Integer.toString(d.version()),
                d.runId(),
                d.stage(),
                d.dataSet() == null ? "-" : d.dataSet(),
                d.modelType(),
                d.accuracy() == null ? "-" : String.format("%.4f", d.accuracy()),
                d.deployedAt()));
      }
    }
    for (String line : HistoryFormat.table(rows).split("\n")) {
      cli.out.println("  " + line);
    }
    cli.out.println("(* the version in service; registry " + registry.directory() + ")");
    return 0;
  }

  /** {@code stagecraft deployments rollback TARGET [--model M]}. */
  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description =
          "Put the version a model's target served before its current one back in service.")
  static final class Rollback implements Callable<Integer> {
    @ParentCommand DeploymentsCommand parent;

    @Parameters(index = "0", paramLabel = "TARGET", description = "The target, e.g. production.")
    String target;

    @Option(
        names = "--model",
        paramLabel = "MODEL",
        description = "The model whose target to roll back (needed when several have the target).")
    String model;

    @Mixin StoreOption store = new StoreOption();

    @Override
    public Integer call() {
      ModelRegistry registry =
          store.store != null
              ? ModelRegistry.inStore(store.directory(parent.cli.env))
              : parent.registry();
      ModelRegistry.checkName("deployment target", target);
      String name = model != null ? model : onlyModelWith(registry, target);
      Deployment now = registry.rollback(name, target);
      parent.cli.out.println(
          "rolled back "
              + target
              + " of model "
              + name
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

    /** The one model that has {@code target}, else a usage error naming the choices. */
    private static String onlyModelWith(ModelRegistry registry, String target) {
      List<String> models =
          registry.list().stream()
              .filter(t -> t.target().equals(target))
              .map(TargetState::model)
              .toList();
      if (models.size() == 1) {
        return models.get(0);
      }
      if (models.isEmpty()) {
        List<String> all =
            registry.list().stream().map(t -> t.model() + "/" + t.target()).distinct().toList();
        throw new UsageException(
            "no model has a target '"
                + target
                + "' in "
                + registry.directory()
                + (all.isEmpty() ? " (nothing is deployed)" : " (targets: " + all + ")"));
      }
      throw new UsageException(
          "target '"
              + target
              + "' exists for models "
              + String.join(", ", models)
              + "; name one with --model");
    }
  }
}
