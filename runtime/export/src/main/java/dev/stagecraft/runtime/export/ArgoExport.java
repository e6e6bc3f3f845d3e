package dev.stagecraft.runtime.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.annotations.condition.Bound;
import dev.stagecraft.annotations.condition.ResolvedPath;
import dev.stagecraft.annotations.syntax.Quantities;
import dev.stagecraft.runtime.export.tenant.ExportTenant;
import dev.stagecraft.runtime.graph.Condition;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.plan.InvalidPlanException;
import dev.stagecraft.runtime.plan.Plan;
import dev.stagecraft.runtime.plan.StagePlan;
import dev.stagecraft.runtime.plan.Template;
import dev.stagecraft.runtime.plan.TemplateRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lowers a pipeline and its resolved plan to an Argo {@code Workflow} or {@code WorkflowTemplate}.
 *
 * <p>One DAG task per included stage, each a container running {@code stagecraft stage} on the
 * shared store; a first task ({@link ArgoNames#BEGIN}) records the run, checks the parameters once
 * and passes their canonical values on, and the exit handler ({@link ArgoNames#END}) records every
 * stage Argo skipped or omitted and the run's end. Argo's semantics are not Stagecraft's, and the
 * lowering bridges them:
 *
 * <ul>
 *   <li>{@code depends} accepts an upstream task that {@code Succeeded} or was {@code Skipped} (a
 *       bare name would also accept it; a {@code Failed} or {@code Omitted} one omits the task,
 *       which the exit handler records UPSTREAM_FAILED), and the {@code when} skips the task when
 *       an upstream stage it needs an output of was skipped ({@code tasks['x'].status}), so a
 *       skipped required input skips the consumer and an {@code Optional} one does not;
 *   <li>{@code @When} becomes a {@code when} whose only text is one expression tag ({@link
 *       WhenLowering}): values are variables, never text pasted into the expression;
 *   <li>fan-outs pass indexes, never items; a fan-out without items runs one task that records it
 *       (Argo skips a task with an empty list);
 *   <li>the DAG sets {@code failFast: false}, so independent branches finish as in Stagecraft;
 *   <li>{@code retryStrategy} retries every failure but a bad-input exit (2) or a final failure (4:
 *       a timeout, a non-retryable exception).
 * </ul>
 */
public final class ArgoExport {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Where a pod's stage entrypoint writes the values downstream tasks read. */
  public static final String OUTPUTS_DIR = "/tmp/stagecraft/outputs";

  /** Exit code of the stage entrypoint for a failure that must not be retried. */
  public static final int FINAL_FAILURE = 4;

  /** Exit code of the stage entrypoint for bad input, never retried. */
  public static final int BAD_INPUT = 2;

  /** How much longer Argo's deadline is than the stage's timeout, which fires first in-process. */
  static final Duration DEADLINE_GRACE = Duration.ofSeconds(60);

  private static final String STORE_VOLUME = "store";
  private static final String TMP_VOLUME = "tmp";

  private final PipelineDefinition def;
  private final Plan plan;
  private final ExportOptions options;
  private final ArgoNames names;
  private final Map<String, StageSpec> included = new LinkedHashMap<>();
  private final WhenLowering lowering;

  private ArgoExport(PipelineDefinition def, Plan plan, ExportOptions options) {
    this.def = def;
    this.plan = plan;
    this.options = options;
    this.names = ArgoNames.of(def);
    for (StageSpec s : def.stages()) {
      if (plan.stage(s.name()).orElseThrow().included()) {
        included.put(s.name(), s);
      }
    }
    Map<String, Object> fixed = new LinkedHashMap<>();
    for (String p : options.fixedParams()) {
      fixed.put(p, plan.params().values().get(p));
    }
    this.lowering =
        new WhenLowering(
            fixed,
            plan.profile().facts(),
            p -> output(ArgoNames.BEGIN, ArgoNames.paramParameter(p)),
            path -> output(names.task(path.split("\\.", 2)[0]), ArgoNames.pathParameter(path)));
  }

  /**
   * The workflow for {@code def} as {@code plan} resolved it.
   *
   * @throws InvalidPlanException when the plan has problems
   * @throws ExportException when the pipeline reads what a workflow cannot pass on
   */
  public static ExportedWorkflow export(PipelineDefinition def, Plan plan, ExportOptions options) {
    if (!plan.valid()) {
      throw new InvalidPlanException(plan);
    }
    return new ArgoExport(def, plan, options).build();
  }

  /**
   * The parameters a template's rules read: a workflow parameter must not change them, since the
   * plan was resolved with their values.
   */
  public static Set<String> paramsReadByRules(Optional<Template> template) {
    Set<String> read = new LinkedHashSet<>();
    template.ifPresent(
        t -> {
          for (TemplateRule r : t.rules()) {
            r.condition().ifPresent(c -> collectParams(c, read));
          }
        });
    return read;
  }

  private static void collectParams(Bound<?> b, Set<String> read) {
    if (b instanceof Bound.Read<?> r) {
      if (r.path().root() == ResolvedPath.Root.PARAM) {
        read.add(r.path().name());
      }
    } else if (b instanceof Bound.Logical<?> l) {
      collectParams(l.left(), read);
      collectParams(l.right(), read);
    } else if (b instanceof Bound.Not<?> n) {
      collectParams(n.operand(), read);
    } else if (b instanceof Bound.NumberComparison<?> c) {
      collectParams(c.left(), read);
      collectParams(c.right(), read);
    } else if (b instanceof Bound.BooleanComparison<?> c) {
      collectParams(c.left(), read);
      collectParams(c.right(), read);
    } else if (b instanceof Bound.EqualsComparison<?> c) {
      collectParams(c.left(), read);
      collectParams(c.right(), read);
    } else if (b instanceof Bound.IdentityComparison<?> c) {
      collectParams(c.left(), read);
      collectParams(c.right(), read);
    } else if (b instanceof Bound.Membership<?> m) {
      collectParams(m.operand(), read);
    }
  }

  private ExportedWorkflow build() {
    ObjectNode doc = JSON.objectNode();
    doc.put("apiVersion", "argoproj.io/v1alpha1");
    doc.put("kind", options.kind().name());
    ObjectNode metadata = doc.putObject("metadata");
    if (options.kind() == ExportOptions.Kind.Workflow) {
      metadata.put("generateName", def.name() + "-");
    } else {
      metadata.put("name", def.name());
    }
    options.tenant().ifPresent(t -> metadata.put("namespace", t.namespace()));
    metadata.set("labels", labels());
    metadata.putObject("annotations").put("stagecraft.dev/description", def.description());

    ObjectNode spec = doc.putObject("spec");
    spec.put("entrypoint", ArgoNames.DAG);
    spec.put("onExit", ArgoNames.END);
    options.serviceAccount().ifPresent(sa -> spec.put("serviceAccountName", sa));
    if (!options.imagePullSecrets().isEmpty()) {
      ArrayNode secrets = spec.putArray("imagePullSecrets");
      options.imagePullSecrets().forEach(s -> secrets.addObject().put("name", s));
    }
    plan.profile().fact("priority").ifPresent(p -> spec.put("priority", priority(p.toString())));
    spec.putObject("podMetadata").set("labels", labels());
    ArrayNode params = spec.putObject("arguments").putArray("parameters");
    for (ParamSpec p : def.params()) {
      if (!options.fixedParams().contains(p.name())) {
        ObjectNode param = params.addObject();
        param.put("name", p.name());
        param.put("value", plan.params().texts().get(p.name()));
        if (!p.description().isEmpty()) {
          param.put("description", p.description());
        }
      }
    }
    ArrayNode volumes = spec.putArray("volumes");
    volumes
        .addObject()
        .put("name", STORE_VOLUME)
        .putObject("persistentVolumeClaim")
        .put("claimName", options.storeClaim());
    volumes.addObject().put("name", TMP_VOLUME).putObject("emptyDir");

    ArrayNode templates = spec.putArray("templates");
    ObjectNode dag = templates.addObject();
    dag.put("name", ArgoNames.DAG);
    ObjectNode dagSpec = dag.putObject("dag");
    dagSpec.put("failFast", false);
    ArrayNode tasks = dagSpec.putArray("tasks");
    tasks.addObject().put("name", ArgoNames.BEGIN).put("template", ArgoNames.BEGIN);
    templates.add(beginTemplate());
    for (StageSpec s : included.values()) {
      tasks.add(task(s));
      if (fanOutBound(s).isPresent()) {
        templates.add(instancesTemplate(s));
      }
      templates.add(stageTemplate(s));
    }
    templates.add(endTemplate());
    return new ExportedWorkflow(doc, options.tenant().flatMap(this::networkPolicy));
  }

  // ---------------------------------------------------------------- tasks

  private ObjectNode task(StageSpec s) {
    ObjectNode task = JSON.objectNode();
    String name = names.task(s.name());
    task.put("name", name);
    Optional<Integer> bound = fanOutBound(s);
    task.put("template", bound.isPresent() ? names.instancesTemplate(s.name()) : name);
    task.put("depends", depends(s));
    String when = when(s);
    if (!when.equals("true")) {
      task.put("when", "{{=" + when + "}}");
    }
    if (s.fanOut().isPresent()) {
      ArrayNode args = task.putObject("arguments").putArray("parameters");
      if (bound.isPresent()) {
        args.addObject().put("name", "items").put("value", itemsValue(s));
      } else {
        args.addObject().put("name", "item").put("value", "{{item}}");
        setItems(task, s);
      }
    }
    return task;
  }

  /**
   * Each included upstream stage must have ended without failing: {@code Succeeded} or {@code
   * Skipped}; the stages without any wait for the begin task.
   */
  private String depends(StageSpec s) {
    List<String> terms = new ArrayList<>();
    for (String up : s.upstream()) {
      if (included.containsKey(up)) {
        String t = names.task(up);
        terms.add("(" + t + ".Succeeded || " + t + ".Skipped)");
      }
    }
    return terms.isEmpty() ? ArgoNames.BEGIN + ".Succeeded" : String.join(" && ", terms);
  }

  /**
   * The task's {@code when}: not when an upstream stage whose output it needs (a required input,
   * its fan-out's input, a stage its condition reads) was skipped, then its condition.
   */
  private String when(StageSpec s) {
    Set<String> needed = new LinkedHashSet<>();
    for (InputSpec in : s.inputs()) {
      if (!in.optional()) {
        needed.add(in.stage());
      }
    }
    s.fanOut()
        .filter(FanOut.FromInput.class::isInstance)
        .ifPresent(f -> needed.add(((FanOut.FromInput) f).stage()));
    s.condition().ifPresent(c -> needed.addAll(c.stages()));
    String when = "true";
    for (String up : needed) {
      if (included.containsKey(up)) {
        when =
            WhenLowering.and(
                when, "tasks[" + WhenLowering.quote(names.task(up)) + "].status != 'Skipped'");
      }
    }
    if (s.condition().isPresent()) {
      Condition c = s.condition().get();
      for (String read : c.stages()) {
        StageSpec producer = def.stage(read).orElseThrow();
        if (producer.fanOut().isPresent()) {
          throw new ExportException(
              "stage '"
                  + s.name()
                  + "' has @When(\""
                  + c.source()
                  + "\"), which reads fan-out stage '"
                  + read
                  + "' (a List of every instance's output): an exported workflow passes no"
                  + " list through its parameters; read it in the stage body, or add a stage that"
                  + " sums the list up and read that");
        }
      }
      when = WhenLowering.and(when, lowering.lower(s.name(), c, def.params()));
    }
    return when;
  }

  private void setItems(ObjectNode task, StageSpec s) {
    FanOut f = s.fanOut().orElseThrow();
    if (f instanceof FanOut.Items items) {
      ArrayNode list = task.putArray("withItems");
      for (int i = 0; i < items.items().size(); i++) {
        list.add(i);
      }
      if (items.items().isEmpty()) {
        list.add(StageOutputs.NO_ITEMS);
      }
    } else {
      task.put("withParam", itemsValue(s));
    }
  }

  /** The JSON list of a fan-out's indexes, or the reference to the parameter holding it. */
  private String itemsValue(StageSpec s) {
    FanOut f = s.fanOut().orElseThrow();
    if (f instanceof FanOut.Items items) {
      return StageOutputs.indexes(items.items().size());
    }
    if (f instanceof FanOut.FromParam p) {
      return "{{tasks."
          + ArgoNames.BEGIN
          + ".outputs.parameters."
          + ArgoNames.paramItemsParameter(p.param())
          + "}}";
    }
    String producer = ((FanOut.FromInput) f).stage();
    StageSpec up = def.stage(producer).orElseThrow();
    if (up.fanOut().isPresent()) {
      return itemsValue(up); // a fan-out stage's list has one element per instance
    }
    return "{{tasks." + names.task(producer) + ".outputs.parameters." + ArgoNames.ITEMS + "}}";
  }

  /** A fan-out stage's bound on instances at once, from the plan. */
  private Optional<Integer> fanOutBound(StageSpec s) {
    return s.fanOut().isPresent() ? plannedParallelism(s) : Optional.empty();
  }

  private Optional<Integer> plannedParallelism(StageSpec s) {
    StagePlan p = plan.stage(s.name()).orElseThrow();
    return p.parallelism().isPresent() ? Optional.of(p.parallelism().getAsInt()) : Optional.empty();
  }

  /** A DAG of the fan-out's instances that runs at most its parallelism at once. */
  private ObjectNode instancesTemplate(StageSpec s) {
    ObjectNode t = JSON.objectNode();
    t.put("name", names.instancesTemplate(s.name()));
    t.putObject("inputs").putArray("parameters").addObject().put("name", "items");
    t.put("parallelism", fanOutBound(s).orElseThrow());
    ObjectNode dag = t.putObject("dag");
    dag.put("failFast", false);
    ObjectNode task = dag.putArray("tasks").addObject();
    task.put("name", names.task(s.name()));
    task.put("template", names.task(s.name()));
    task.put("withParam", "{{inputs.parameters.items}}");
    task.putObject("arguments")
        .putArray("parameters")
        .addObject()
        .put("name", "item")
        .put("value", "{{item}}");
    return t;
  }

  // ---------------------------------------------------------------- templates

  private ObjectNode beginTemplate() {
    ObjectNode t = JSON.objectNode();
    t.put("name", ArgoNames.BEGIN);
    List<String> outputs = new ArrayList<>();
    StageOutputs.conditionParams(def).forEach(p -> outputs.add(ArgoNames.paramParameter(p.name())));
    StageOutputs.fanOutParams(def).forEach(p -> outputs.add(ArgoNames.paramItemsParameter(p)));
    List<String> args = entrypoint();
    args.add("--begin");
    if (!outputs.isEmpty()) {
      args.add("--outputs");
      args.add(OUTPUTS_DIR);
    }
    for (ParamSpec p : def.params()) {
      args.add("-p");
      args.add(
          p.name()
              + "="
              + (options.fixedParams().contains(p.name())
                  ? plan.params().texts().get(p.name())
                  : "{{workflow.parameters." + p.name() + "}}"));
    }
    plan.profile()
        .facts()
        .forEach(
            (k, v) -> {
              args.add("--profile");
              args.add(k + "=" + v);
            });
    for (StagePlan p : plan.stages()) {
      if (!p.included()) {
        args.add("--excluded");
        args.add(p.name() + "=" + p.reason());
      }
    }
    setOutputs(t, outputs);
    t.set("container", container(args, ResourceRequest.DEFAULT));
    return t;
  }

  private ObjectNode endTemplate() {
    ObjectNode t = JSON.objectNode();
    t.put("name", ArgoNames.END);
    List<String> args = entrypoint();
    args.add("--end");
    t.set("container", container(args, ResourceRequest.DEFAULT));
    return t;
  }

  private ObjectNode stageTemplate(StageSpec s) {
    StagePlan p = plan.stage(s.name()).orElseThrow();
    ObjectNode t = JSON.objectNode();
    t.put("name", names.task(s.name()));
    if (s.fanOut().isPresent()) {
      t.putObject("inputs").putArray("parameters").addObject().put("name", "item");
    }
    List<String> outputs = new ArrayList<>(StageOutputs.paths(def, s.name()).keySet());
    if (StageOutputs.listed(def, s.name())) {
      outputs.add(ArgoNames.ITEMS);
    }
    setOutputs(t, outputs);
    int retries = p.retry().retries();
    if (retries > 0) {
      ObjectNode retry = t.putObject("retryStrategy");
      retry.put("limit", Integer.toString(retries));
      retry.put("retryPolicy", "Always");
      retry.put(
          "expression",
          "lastRetry.exitCode != '"
              + BAD_INPUT
              + "' && lastRetry.exitCode != '"
              + FINAL_FAILURE
              + "'");
      ObjectNode backoff = retry.putObject("backoff");
      backoff.put("duration", seconds(p.retry().backoff()));
      backoff.put("factor", "2");
    }
    p.timeout()
        .ifPresent(
            d ->
                t.put(
                    "activeDeadlineSeconds",
                    Long.toString(d.plus(DEADLINE_GRACE).plusNanos(999_999_999).getSeconds())));
    List<String> args = entrypoint();
    args.add("--stage");
    args.add(s.name());
    if (s.fanOut().isPresent()) {
      args.add("--item");
      args.add("{{inputs.parameters.item}}");
    }
    if (retries > 0) {
      args.add("--retry");
      args.add("{{retries}}");
    }
    if (!outputs.isEmpty()) {
      args.add("--outputs");
      args.add(OUTPUTS_DIR);
    }
    planned(s, p, args);
    t.set("container", container(args, p.resources()));
    return t;
  }

  /** The plan's settings that differ from the compiled stage, as the entrypoint's options. */
  private static void planned(StageSpec s, StagePlan p, List<String> args) {
    ResourceRequest r = p.resources();
    if (r.milliCpu() != s.resources().milliCpu()) {
      args.add("--cpu");
      args.add(Quantities.formatCpu(r.milliCpu()));
    }
    if (r.memoryBytes() != s.resources().memoryBytes()) {
      args.add("--memory");
      args.add(Quantities.formatBytes(r.memoryBytes()));
    }
    if (r.gpu() != s.resources().gpu()) {
      args.add("--gpu");
      args.add(Integer.toString(r.gpu()));
    }
    if (p.retry().retries() != s.retry().retries()) {
      args.add("--retries");
      args.add(Integer.toString(p.retry().retries()));
    }
    if (!p.timeout().equals(s.timeout()) && p.timeout().isPresent()) {
      args.add("--timeout");
      args.add(p.timeout().get().toString());
    }
    if (!p.parallelism().equals(s.parallelism()) && p.parallelism().isPresent()) {
      args.add("--parallelism");
      args.add(Integer.toString(p.parallelism().getAsInt()));
    }
    if (!p.optimizations().equals(s.optimizations())) {
      for (String o : p.optimizations()) {
        args.add("--optimization");
        args.add(o);
      }
    }
  }

  private static void setOutputs(ObjectNode template, List<String> outputs) {
    if (outputs.isEmpty()) {
      return;
    }
    ArrayNode params = template.putObject("outputs").putArray("parameters");
    for (String o : outputs) {
      ObjectNode param = params.addObject();
      param.put("name", o);
      // a task Argo skipped or omitted has no outputs: its readers see the default
      param.putObject("valueFrom").put("path", OUTPUTS_DIR + "/" + o).put("default", "");
    }
  }

  /** {@code stage --pipeline P --run-id {{workflow.name}} --store PATH}. */
  private List<String> entrypoint() {
    List<String> args = new ArrayList<>();
    args.add("stage");
    args.add("--pipeline");
    args.add(def.name());
    args.add("--run-id");
    args.add("{{workflow.name}}");
    args.add("--store");
    args.add(options.storePath());
    return args;
  }

  private ObjectNode container(List<String> args, ResourceRequest r) {
    ObjectNode c = JSON.objectNode();
    c.put("image", options.image());
    c.putArray("command").add("stagecraft");
    ArrayNode a = c.putArray("args");
    args.forEach(a::add);
    ObjectNode resources = c.putObject("resources");
    String memory = Quantities.formatBytes(r.memoryBytes());
    resources
        .putObject("requests")
        .put("cpu", Quantities.formatCpu(r.milliCpu()))
        .put("memory", memory);
    ObjectNode limits = resources.putObject("limits").put("memory", memory);
    if (r.gpu() > 0) {
      limits.put("nvidia.com/gpu", Integer.toString(r.gpu()));
    }
    ArrayNode env = c.putArray("env");
    // the JVM takes 25% of the container's memory by default; a stage's request is for the stage
    env.addObject().put("name", "STAGECRAFT_JAVA_OPTS").put("value", "-XX:MaxRAMPercentage=75");
    options
        .tenant()
        .ifPresent(
            t -> {
              t.environment().forEach((k, v) -> env.addObject().put("name", k).put("value", v));
              for (String secret : t.secrets()) {
                env.addObject()
                    .put("name", secret)
                    .putObject("valueFrom")
                    .putObject("secretKeyRef")
                    .put("name", t.secretObject())
                    .put("key", secret);
              }
              if (!t.configMaps().isEmpty()) {
                ArrayNode from = c.putArray("envFrom");
                t.configMaps()
                    .forEach(m -> from.addObject().putObject("configMapRef").put("name", m));
              }
              if (!t.securityContext().isEmpty()) {
                c.set("securityContext", MAPPER.valueToTree(t.securityContext()));
              }
            });
    ArrayNode mounts = c.putArray("volumeMounts");
    mounts.addObject().put("name", STORE_VOLUME).put("mountPath", options.storePath());
    mounts.addObject().put("name", TMP_VOLUME).put("mountPath", "/tmp");
    return c;
  }

  private ObjectNode labels() {
    ObjectNode labels = JSON.objectNode();
    labels.put("app.kubernetes.io/name", "stagecraft");
    labels.put("stagecraft.dev/pipeline", def.name());
    options
        .tenant()
        .ifPresent(
            t -> {
              labels.put("stagecraft.dev/tenant", t.id());
              t.labels().forEach(labels::put);
            });
    return labels;
  }

  /**
   * {@code deny-egress}: the tenant's pods reach nothing but DNS and the shared store's volume
   * (mounted by the node, not the pod).
   */
  private Optional<JsonNode> networkPolicy(ExportTenant t) {
    if (t.networkPolicy().isEmpty()) {
      return Optional.empty();
    }
    ObjectNode doc = JSON.objectNode();
    doc.put("apiVersion", "networking.k8s.io/v1");
    doc.put("kind", "NetworkPolicy");
    ObjectNode metadata = doc.putObject("metadata");
    metadata.put("name", "stagecraft-" + t.id() + "-deny-egress");
    metadata.put("namespace", t.namespace());
    metadata.set("labels", labels());
    ObjectNode spec = doc.putObject("spec");
    spec.putObject("podSelector").putObject("matchLabels").put("stagecraft.dev/tenant", t.id());
    spec.putArray("policyTypes").add("Egress");
    ObjectNode dns = spec.putArray("egress").addObject();
    ArrayNode ports = dns.putArray("ports");
    ports.addObject().put("protocol", "UDP").put("port", 53);
    ports.addObject().put("protocol", "TCP").put("port", 53);
    return Optional.of(doc);
  }

  /** {@code tasks.NAME.outputs.parameters['PARAM']} of task {@code task}. */
  private static String output(String task, String param) {
    return "tasks["
        + WhenLowering.quote(task)
        + "].outputs.parameters["
        + WhenLowering.quote(param)
        + "]";
  }

  /** Argo's workflow priority: higher runs first when the controller limits workflows. */
  private static int priority(String value) {
    return switch (value) {
      case "high" -> 10;
      case "low" -> -10;
      default -> 0;
    };
  }

  private static String seconds(Duration d) {
    long s = Math.max(1, (d.toMillis() + 999) / 1000);
    return s + "s";
  }
}
