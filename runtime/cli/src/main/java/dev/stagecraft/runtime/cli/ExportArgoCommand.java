package dev.stagecraft.runtime.cli;

import dev.stagecraft.annotations.syntax.Suggestions;
import dev.stagecraft.runtime.config.ConfigFiles;
import dev.stagecraft.runtime.config.tenants.Tenant;
import dev.stagecraft.runtime.config.tenants.Tenants;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.export.ArgoExport;
import dev.stagecraft.runtime.export.ExportOptions;
import dev.stagecraft.runtime.export.ExportedWorkflow;
import dev.stagecraft.runtime.export.tenant.ExportTenant;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.plan.InvalidPlanException;
import dev.stagecraft.runtime.plan.Plan;
import dev.stagecraft.runtime.plan.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stagecraft export argo PIPELINE [-p name=value]... [--profile ..] [--template F]
 * [--environment E] [--optimize] [--prices F] [--store DIR] [--tenant T --tenants F] [--image
 * IMAGE] [--store-path PATH] [--store-claim PVC] [--kind Workflow|WorkflowTemplate]
 * [--service-account SA] [--image-pull-secret S]... [-o FILE]}: plans the pipeline as {@code plan}
 * does and writes it as an Argo Workflow (YAML) whose tasks run {@code stagecraft stage} on a
 * shared store; a tenant's NetworkPolicy goes to a file of its own beside it. The plan is checked
 * against {@code --max-cpu}, {@code --max-memory} and {@code --gpus} when given (the largest node),
 * not against this machine; its predictions, and with {@code --optimize} its sizes, come from the
 * local store's run history.
 */
@Command(
    name = "argo",
    mixinStandardHelpOptions = true,
    description = "Write a pipeline as an Argo Workflow or WorkflowTemplate.")
final class ExportArgoCommand implements Callable<Integer> {
  @ParentCommand ExportCommand parent;

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline's name.")
  String pipeline;

  @Option(
      names = "-p",
      paramLabel = "name=value",
      description = "A parameter's default in the workflow (argo submit -p overrides it).")
  List<String> params = new ArrayList<>();

  @Mixin PlanOptions planOptions = new PlanOptions();

  @Mixin CapacityOptions capacity = new CapacityOptions();

  /** The local store whose run history gives the plan its predictions and --optimize its sizes. */
  @Mixin StoreOption store = new StoreOption();

  @Option(
      names = "--tenant",
      paramLabel = "T",
      description = "The tenant of --tenants to export for.")
  String tenant;

  @Option(
      names = "--tenants",
      paramLabel = "FILE",
      description = "The tenants file (tenants.yaml).")
  Path tenants;

  @Option(
      names = "--image",
      paramLabel = "IMAGE",
      description = "The image every pod runs (default: " + ExportOptions.DEFAULT_IMAGE + ").")
  String image = ExportOptions.DEFAULT_IMAGE;

  @Option(
      names = "--store-path",
      paramLabel = "PATH",
      description =
          "Where pods mount the store (default: " + ExportOptions.DEFAULT_STORE_PATH + ").")
  String storePath = ExportOptions.DEFAULT_STORE_PATH;

  @Option(
      names = "--store-claim",
      paramLabel = "PVC",
      description =
          "The ReadWriteMany claim holding the store (default: "
              + ExportOptions.DEFAULT_STORE_CLAIM
              + ").")
  String storeClaim = ExportOptions.DEFAULT_STORE_CLAIM;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description = "Workflow (default) or WorkflowTemplate.")
  String kind = ExportOptions.Kind.Workflow.name();

  @Option(
      names = "--service-account",
      paramLabel = "SA",
      description = "The pods' service account.")
  String serviceAccount;

  @Option(
      names = "--image-pull-secret",
      paramLabel = "S",
      description = "A secret to pull the image with (repeatable).")
  List<String> imagePullSecrets = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "The YAML file to write (default: stdout).")
  Path output;

  @Override
  public Integer call() throws IOException {
    StagecraftCli cli = parent.cli;
    PipelineDefinition def = cli.catalog().find(pipeline).definition();
    Optional<ExportTenant> exportTenant = tenant();
    PlanInputs inputs = planOptions.inputs(RunCommand.parse(params));
    Optional<Template> template = inputs.checkedTemplate(def);
    Plan plan =
        inputs.plan(
            def,
            clusterCapacity(),
            StoreOption.history(store.directory(cli.env), def.name()),
            template);
    if (!plan.valid()) {
      throw new InvalidPlanException(plan);
    }
    ExportOptions options =
        new ExportOptions(
            kind(),
            image,
            storePath,
            storeClaim,
            Optional.ofNullable(serviceAccount),
            imagePullSecrets,
            exportTenant,
            ArgoExport.paramsReadByRules(template));
    ExportedWorkflow exported = ArgoExport.export(def, plan, options);
    String yaml = exported.workflowYaml();
    if (output == null) {
      cli.out.print(yaml);
    } else {
      write(output, yaml);
      cli.err.println("wrote " + output);
    }
    if (exported.networkPolicyYaml().isPresent()) {
      Path policy = networkPolicyFile();
      write(policy, exported.networkPolicyYaml().get());
      cli.err.println("wrote the tenant's NetworkPolicy to " + policy + " (kubectl apply -f it)");
    }
    return 0;
  }

  /**
   * Beside the workflow's file: {@code NAME.networkpolicy.yaml}; without one, in this directory.
   */
  private Path networkPolicyFile() {
    if (output == null) {
      return Path.of(pipeline + ".networkpolicy.yaml");
    }
    String name = output.getFileName().toString();
    String stem =
        name.endsWith(".yaml") || name.endsWith(".yml")
            ? name.substring(0, name.lastIndexOf('.'))
            : name;
    return output.resolveSibling(stem + ".networkpolicy.yaml");
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UsageException("cannot write " + file + " (" + e.getMessage() + ")");
    }
  }

  private Optional<ExportTenant> tenant() {
    if (tenant == null && tenants == null) {
      return Optional.empty();
    }
    if (tenant == null || tenants == null) {
      throw new UsageException("--tenant and --tenants go together: name the tenant and its file");
    }
    Tenants all = ConfigFiles.tenants(tenants);
    Tenant found =
        all.tenant(tenant)
            .orElseThrow(
                () ->
                    new UsageException(
                        "unknown tenant '"
                            + tenant
                            + "' in "
                            + tenants
                            + Suggestions.didYouMeanOrList(
                                tenant,
                                all.tenants().stream().map(Tenant::id).toList(),
                                "tenants")));
    return Optional.of(ExportTenant.of(found));
  }

  private ExportOptions.Kind kind() {
    for (ExportOptions.Kind k : ExportOptions.Kind.values()) {
      if (k.name().equals(kind)) {
        return k;
      }
    }
    List<String> kinds = Arrays.stream(ExportOptions.Kind.values()).map(Enum::name).toList();
    throw new UsageException(
        "--kind "
            + kind
            + " is not a kind of Argo document to export"
            + Suggestions.closest(kind, kinds).map(c -> " (did you mean " + c + "?)").orElse("")
            + "; use Workflow or WorkflowTemplate");
  }

  /** The largest node as the options say; what they leave out is unbounded. */
  private ResourceRequest clusterCapacity() {
    RunOptions unbounded =
        RunOptions.defaults()
            .withMaxMilliCpu(ResourceRequest.UNBOUNDED.milliCpu())
            .withMaxMemoryBytes(ResourceRequest.UNBOUNDED.memoryBytes())
            .withGpus(ResourceRequest.UNBOUNDED.gpu());
    return capacity.apply(unbounded).capacity();
  }
}
