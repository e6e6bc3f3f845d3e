package dev.stagecraft.examples.argo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stagecraft.examples.argo.ArgoExpressions.TaskView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small stand-in for the Argo controller, for tests on a machine without a cluster: runs an
 * exported {@code Workflow} document with each container as a child process on this machine.
 *
 * <p>It follows Argo's rules for what the export uses: a DAG task starts as soon as every task its
 * {@code depends} names has ended; a false {@code depends} makes a task Omitted, a false {@code
 * when} Skipped, and an empty {@code withItems}/{@code withParam} Skipped; a task over items runs
 * one child per item (at most the template's {@code parallelism} at once) and Succeeded only if all
 * did; {@code retryStrategy} retries up to {@code limit} while its expression holds; {@code
 * failFast: false} lets the other branches finish; {@code onExit} runs last. Containers run {@code
 * command: [stagecraft]} as the given Java command, with each volume mount mapped to a directory
 * (the store's claim to the shared store, an {@code emptyDir} to one per pod), and their output
 * parameters are read from the mapped {@code valueFrom.path}. The export benchmark times it too
 * (through this module's test jar).
 */
public final class LocalArgo {
  private static final Pattern TAG = Pattern.compile("\\{\\{([^{}=][^{}]*)}}");
  private static final long STEP_TIMEOUT_MINUTES = 10;

  private final JsonNode spec;
  private final Map<String, JsonNode> templates = new LinkedHashMap<>();
  private final List<String> stagecraft;
  private final Path store;
  private final Path work;
  private final String workflowName;
  private final Map<String, String> workflowParams = new LinkedHashMap<>();
  private final AtomicInteger pods = new AtomicInteger();
  private final ExecutorService pool = Executors.newCachedThreadPool();

  /** What ran: every node's phase by its name ({@code task} or {@code task(i)}). */
  public record Result(String phase, Map<String, String> nodes) {}

  /**
   * @param workflow the exported document
   * @param stagecraft the command that stands for {@code stagecraft} in a container
   * @param store the directory the store's claim stands for
   * @param work where pods get their scratch directories and logs
   * @param workflowName what {@code {{workflow.name}}} stands for (Argo generates it)
   * @param params workflow parameters given at submission ({@code argo submit -p})
   */
  public LocalArgo(
      JsonNode workflow,
      List<String> stagecraft,
      Path store,
      Path work,
      String workflowName,
      Map<String, String> params) {
    this.spec = workflow.path("spec");
    this.stagecraft = List.copyOf(stagecraft);
    this.store = store;
    this.work = work;
    this.workflowName = workflowName;
    spec.path("templates").forEach(t -> templates.put(t.path("name").asText(), t));
    spec.path("arguments")
        .path("parameters")
        .forEach(p -> workflowParams.put(p.path("name").asText(), p.path("value").asText()));
    params.forEach(
        (k, v) -> {
          if (!workflowParams.containsKey(k)) {
            throw new IllegalArgumentException("the workflow has no parameter " + k);
          }
          workflowParams.put(k, v);
        });
  }

  /** Runs the entrypoint, then the exit handler; the workflow Failed if any node did. */
  public Result run() throws Exception {
    try {
      Map<String, String> nodes = new ConcurrentHashMap<>();
      String phase = runTemplate(spec.path("entrypoint").asText(), Map.of(), "", nodes).phase();
      if (spec.has("onExit")) {
        String exit = runTemplate(spec.path("onExit").asText(), Map.of(), "", nodes).phase();
        nodes.put("onExit", exit);
      }
      return new Result(phase, new java.util.TreeMap<>(nodes));
    } finally {
      pool.shutdownNow();
    }
  }

  private TaskView runTemplate(
      String name, Map<String, String> inputs, String prefix, Map<String, String> nodes)
      throws Exception {
    JsonNode t = templates.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no template " + name);
    }
    if (t.has("dag")) {
      return runDag(t, inputs, prefix, nodes);
    }
    if (t.has("container")) {
      return runPod(t, inputs);
    }
    throw new IllegalArgumentException("template " + name + " is neither a dag nor a container");
  }

  // ---------------------------------------------------------------- DAG

  private TaskView runDag(
      JsonNode template, Map<String, String> inputs, String prefix, Map<String, String> nodes)
      throws Exception {
    List<JsonNode> pending = new ArrayList<>();
    template.path("dag").path("tasks").forEach(pending::add);
    Semaphore slots = new Semaphore(template.path("parallelism").asInt(Integer.MAX_VALUE));
    Map<String, TaskView> ended = new LinkedHashMap<>();
    CompletionService<Map.Entry<String, TaskView>> running = new ExecutorCompletionService<>(pool);
    int started = 0;
    while (!pending.isEmpty() || ended.size() < started) {
      List<JsonNode> ready = new ArrayList<>();
      for (JsonNode task : pending) {
        String depends = task.path("depends").asText("");
        if (ArgoExpressions.dependsNames(depends).stream().allMatch(ended::containsKey)) {
          ready.add(task);
        }
      }
      pending.removeAll(ready);
      for (JsonNode task : ready) {
        Map<String, TaskView> before = Map.copyOf(ended);
        running.submit(
            () ->
                Map.entry(
                    task.path("name").asText(),
                    runTask(task, inputs, before, prefix, nodes, slots)));
        started++;
      }
      if (ended.size() == started) {
        throw new IllegalStateException("the DAG's depends form a cycle or name unknown tasks");
      }
      Future<Map.Entry<String, TaskView>> done =
          running.poll(STEP_TIMEOUT_MINUTES, TimeUnit.MINUTES);
      if (done == null) {
        throw new IllegalStateException("no task ended within the step timeout");
      }
      Map.Entry<String, TaskView> e = done.get();
      ended.put(e.getKey(), e.getValue());
      nodes.put(prefix + e.getKey(), e.getValue().phase());
    }
    boolean failed =
        ended.values().stream()
            .anyMatch(v -> v.phase().equals("Failed") || v.phase().equals("Error"));
    return new TaskView(failed ? "Failed" : "Succeeded", Map.of());
  }

  private TaskView runTask(
      JsonNode task,
      Map<String, String> dagInputs,
      Map<String, TaskView> ended,
      String prefix,
      Map<String, String> nodes,
      Semaphore slots)
      throws Exception {
    String depends = task.path("depends").asText("");
    if (!depends.isEmpty()
        && !ArgoExpressions.depends(
            depends, (name, result) -> hasResult(ended.get(name), result))) {
      return new TaskView("Omitted", Map.of());
    }
    Map<String, String> scope = new LinkedHashMap<>();
    dagInputs.forEach((k, v) -> scope.put("inputs.parameters." + k, v));
    ended.forEach(
        (name, view) ->
            view.outputs()
                .forEach((p, v) -> scope.put("tasks." + name + ".outputs.parameters." + p, v)));
    if (task.has("when")
        && !ArgoExpressions.when(substitute(task.path("when").asText(), scope), ended)) {
      return new TaskView("Skipped", Map.of());
    }
    List<String> items = items(task, scope);
    if (items == null) {
      return inSlot(
          slots,
          () ->
              runTemplate(
                  task.path("template").asText(),
                  arguments(task, scope),
                  prefix + task.path("name").asText() + ".",
                  nodes));
    }
    if (items.isEmpty()) {
      return new TaskView("Skipped", Map.of());
    }
    List<Future<TaskView>> children = new ArrayList<>();
    for (String item : items) {
      Map<String, String> itemScope = new LinkedHashMap<>(scope);
      itemScope.put("item", item);
      children.add(
          pool.submit(
              () ->
                  inSlot(
                      slots,
                      () ->
                          runTemplate(
                              task.path("template").asText(),
                              arguments(task, itemScope),
                              prefix + task.path("name").asText() + "(" + item + ").",
                              nodes))));
    }
    boolean allSucceeded = true;
    for (int i = 0; i < children.size(); i++) {
      TaskView child = children.get(i).get(STEP_TIMEOUT_MINUTES, TimeUnit.MINUTES);
      nodes.put(prefix + task.path("name").asText() + "(" + items.get(i) + ")", child.phase());
      allSucceeded &= child.phase().equals("Succeeded");
    }
    return new TaskView(allSucceeded ? "Succeeded" : "Failed", Map.of());
  }

  /** Runs {@code step} while holding one of the DAG's slots (its template's parallelism). */
  private static TaskView inSlot(Semaphore slots, Callable<TaskView> step) throws Exception {
    slots.acquire();
    try {
      return step.call();
    } finally {
      slots.release();
    }
  }

  /** Argo's task results; a task over items Succeeded only when every item did. */
  private static boolean hasResult(TaskView view, String result) {
    String phase = view.phase();
    return switch (result) {
      case "Errored" -> phase.equals("Error");
      case "AnySucceeded" -> phase.equals("Succeeded");
      case "AllFailed" -> phase.equals("Failed");
      default -> phase.equals(result);
    };
  }

  /** The items of a {@code withItems} or {@code withParam} task, as text; null for neither. */
  private List<String> items(JsonNode task, Map<String, String> scope) throws IOException {
    JsonNode list;
    if (task.has("withItems")) {
      list = task.path("withItems");
    } else if (task.has("withParam")) {
      list =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(substitute(task.path("withParam").asText(), scope));
      if (!list.isArray()) {
        throw new IllegalArgumentException("withParam is not a JSON list: " + list);
      }
    } else {
      return null;
    }
    List<String> items = new ArrayList<>();
    list.forEach(i -> items.add(i.isTextual() ? i.asText() : i.toString()));
    return items;
  }

  private Map<String, String> arguments(JsonNode task, Map<String, String> scope) {
    Map<String, String> args = new LinkedHashMap<>();
    task.path("arguments")
        .path("parameters")
        .forEach(
            p -> args.put(p.path("name").asText(), substitute(p.path("value").asText(), scope)));
    return args;
  }

  // ---------------------------------------------------------------- pods

  private TaskView runPod(JsonNode template, Map<String, String> inputs) throws Exception {
    JsonNode container = template.path("container");
    List<String> command = new ArrayList<>();
    container.path("command").forEach(c -> command.add(c.asText()));
    if (!command.equals(List.of("stagecraft"))) {
      throw new IllegalArgumentException("a container runs " + command + ", not stagecraft");
    }
    JsonNode retry = template.path("retryStrategy");
    int limit = retry.isMissingNode() ? 0 : Integer.parseInt(retry.path("limit").asText());
    for (int attempt = 0; ; attempt++) {
      Path pod = work.resolve("pod-" + pods.incrementAndGet());
      Map<String, Path> mounts = mounts(container, pod);
      Map<String, String> scope = new LinkedHashMap<>();
      inputs.forEach((k, v) -> scope.put("inputs.parameters." + k, v));
      scope.put("retries", Integer.toString(attempt));
      List<String> args = new ArrayList<>(stagecraft);
      container.path("args").forEach(a -> args.add(mapped(substitute(a.asText(), scope), mounts)));
      ProcessBuilder pb = new ProcessBuilder(args);
      Path cwd = Files.createDirectories(pod.resolve("cwd"));
      pb.directory(cwd.toFile());
      for (JsonNode e : container.path("env")) {
        if (!e.has("value")) {
          throw new IllegalArgumentException("only literal environment values run here: " + e);
        }
        pb.environment().put(e.path("name").asText(), e.path("value").asText());
      }
      pb.redirectOutput(pod.resolve("stdout").toFile());
      pb.redirectError(pod.resolve("stderr").toFile());
      Process p = pb.start();
      if (!p.waitFor(STEP_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("a pod ran longer than its step timeout: " + args);
      }
      int code = p.exitValue();
      if (code == 0) {
        return new TaskView("Succeeded", outputs(template, mounts));
      }
      boolean again =
          attempt < limit
              && (!retry.has("expression")
                  || ArgoExpressions.retryExpression(retry.path("expression").asText(), code));
      if (!again) {
        return new TaskView("Failed", outputs(template, mounts));
      }
    }
  }

  /** Each volume mount's directory: the store's claim is the store, an emptyDir a new one. */
  private Map<String, Path> mounts(JsonNode container, Path pod) throws IOException {
    Map<String, Path> mounts = new LinkedHashMap<>();
    for (JsonNode m : container.path("volumeMounts")) {
      String volume = m.path("name").asText();
      JsonNode v = volume(volume);
      Path dir;
      if (v.has("persistentVolumeClaim")) {
        dir = store;
      } else if (v.has("emptyDir")) {
        dir = Files.createDirectories(pod.resolve("volumes").resolve(volume));
      } else {
        throw new IllegalArgumentException("volume " + volume + " is neither a claim nor emptyDir");
      }
      mounts.put(m.path("mountPath").asText(), dir);
    }
    return mounts;
  }

  private JsonNode volume(String name) {
    for (JsonNode v : spec.path("volumes")) {
      if (v.path("name").asText().equals(name)) {
        return v;
      }
    }
    throw new IllegalArgumentException("no volume " + name);
  }

  /** A path inside the pod as this machine's path, through the longest mount it lies under. */
  private static String mapped(String text, Map<String, Path> mounts) {
    return mounts.entrySet().stream()
        .filter(m -> text.equals(m.getKey()) || text.startsWith(m.getKey() + "/"))
        .max(Comparator.comparingInt(m -> m.getKey().length()))
        .map(m -> m.getValue() + text.substring(m.getKey().length()))
        .orElse(text);
  }

  private static Map<String, String> outputs(JsonNode template, Map<String, Path> mounts)
      throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (JsonNode p : template.path("outputs").path("parameters")) {
      JsonNode from = p.path("valueFrom");
      Path file = Path.of(mapped(from.path("path").asText(), mounts));
      if (Files.exists(file)) {
        values.put(p.path("name").asText(), Files.readString(file, StandardCharsets.UTF_8));
      } else if (from.has("default")) {
        values.put(p.path("name").asText(), from.path("default").asText());
      }
    }
    return values;
  }

  /** Replaces every {@code {{name}}} (not {@code {{=...}}}) from the scope and the workflow. */
  private String substitute(String text, Map<String, String> scope) {
    Matcher m = TAG.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).strip();
      String value;
      if (name.equals("workflow.name")) {
        value = workflowName;
      } else if (name.startsWith("workflow.parameters.")) {
        value = workflowParams.get(name.substring("workflow.parameters.".length()));
      } else {
        value = scope.get(name);
      }
      if (value == null) {
        throw new IllegalArgumentException("nothing to put for {{" + name + "}} in " + text);
      }
      m.appendReplacement(b, Matcher.quoteReplacement(value));
    }
    m.appendTail(b);
    return b.toString();
  }
}
