package dev.stagecraft.runtime.store.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.annotations.syntax.Quantities;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.plan.Change;
import dev.stagecraft.runtime.plan.Cost;
import dev.stagecraft.runtime.plan.Improvement;
import dev.stagecraft.runtime.plan.PipelinePrediction;
import dev.stagecraft.runtime.plan.Plan;
import dev.stagecraft.runtime.plan.PlanMetrics;
import dev.stagecraft.runtime.plan.Prediction;
import dev.stagecraft.runtime.plan.StagePlan;
import dev.stagecraft.runtime.plan.optimize.Prices;
import dev.stagecraft.runtime.plan.optimize.RightSizing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A plan as JSON, the shape {@code stagecraft plan --json} prints and a run records: {@code
 * pipeline, profile, params, stages[name, type, included, reason, parallelism, optimizations,
 * resources{cpu, memory, gpu}, changes[field, from, to, rule], predicted{...}], parallelGroups,
 * maxParallel, criticalPath, predicted{makespanSeconds, criticalPathSeconds, resourceBoundSeconds,
 * cost{...}}, improvement{...}, valid, problems, metrics{...}}}, then what the contract leaves to
 * Stagecraft: each stage's predicted {@code instanceSeconds} (a fan-out stage's per instance) and
 * the {@code prices} the cost was computed at. Values not known are null, never missing; resources
 * are Kubernetes quantities ({@code "1500m"}, {@code "24Gi"}), the data size a whole number of
 * bytes.
 */
public final class PlanJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PlanJson() {}

  /** The plan as a JSON object. */
  public static ObjectNode of(Plan plan) {
    ObjectNode o = JSON.createObjectNode();
    o.put("pipeline", plan.pipeline());
    ObjectNode profile = o.putObject("profile");
    plan.profile()
        .facts()
        .forEach(
            (name, value) -> {
              if (value instanceof Long l) {
                profile.put(name, l);
              } else if (value instanceof Boolean b) {
                profile.put(name, b);
              } else {
                profile.put(name, String.valueOf(value));
              }
            });
    ObjectNode params = o.putObject("params");
    plan.params().texts().forEach(params::put);
    ArrayNode stages = o.putArray("stages");
    plan.stages().forEach(s -> stage(stages.addObject(), s));
    ArrayNode groups = o.putArray("parallelGroups");
    plan.parallelGroups().forEach(g -> strings(groups.addArray(), g));
    ObjectNode maxParallel = o.putObject("maxParallel");
    plan.maxParallel().forEach(maxParallel::put);
    strings(o.putArray("criticalPath"), plan.criticalPath());
    predicted(o.putObject("predicted"), plan.predicted());
    improvement(o.putObject("improvement"), plan.improvement());
    o.put("valid", plan.valid());
    strings(o.putArray("problems"), plan.problems());
    o.set("metrics", metrics(plan.metrics()));
    o.set("prices", prices(plan.prices()));
    return o;
  }

  /** The plan as one line of JSON. */
  public static String text(Plan plan) {
    return of(plan).toString();
  }

  /** Each stage's changes in a recorded plan, by stage name, in stage order. */
  public static Map<String, List<Change>> changes(JsonNode plan) {
    Map<String, List<Change>> changes = new LinkedHashMap<>();
    for (JsonNode stage : plan.path("stages")) {
      List<Change> list = new ArrayList<>();
      for (JsonNode c : stage.path("changes")) {
        list.add(
            new Change(
                c.path("field").asText(),
                c.path("from").asText(),
                c.path("to").asText(),
                c.path("rule").asText()));
      }
      changes.put(stage.path("name").asText(), list);
    }
    return changes;
  }

  /**
   * What a recorded plan predicted for one stage.
   *
   * @param instanceSeconds per instance of a fan-out stage; empty when not predicted per instance
   */
  public record StagePrediction(
      double durationSeconds, double confidence, String basis, List<Double> instanceSeconds) {
    public StagePrediction {
      instanceSeconds = List.copyOf(instanceSeconds);
    }

    /** The predicted duration of instance {@code k} of a fan-out stage, or of the stage. */
    public double seconds(int k) {
      return k >= 0 && k < instanceSeconds.size() ? instanceSeconds.get(k) : durationSeconds;
    }
  }

  /** Each included stage's prediction in a recorded plan, by stage name, in stage order. */
  public static Map<String, StagePrediction> predictions(JsonNode plan) {
    Map<String, StagePrediction> predictions = new LinkedHashMap<>();
    for (JsonNode stage : plan.path("stages")) {
      JsonNode p = stage.path("predicted");
      if (!stage.path("included").asBoolean(true) || !p.path("durationSeconds").isNumber()) {
        continue;
      }
      List<Double> instances = new ArrayList<>();
      p.path("instanceSeconds").forEach(v -> instances.add(v.asDouble()));
      predictions.put(
          stage.path("name").asText(),
          new StagePrediction(
              p.path("durationSeconds").asDouble(),
              p.path("confidence").asDouble(),
              p.path("basis").asText(),
              instances));
    }
    return predictions;
  }

  /**
   * What a recorded plan predicted for an execution that ran: its instance's prediction for a
   * fan-out instance, the stage's otherwise; empty when the plan predicted nothing for it or it
   * never started.
   */
  public static OptionalDouble predictedSeconds(
      StageExecution execution, Map<String, StagePrediction> predictions) {
    StagePrediction p = predictions.get(execution.stage());
    if (p == null || execution.start().isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(p.seconds(execution.index().orElse(-1)));
  }

  /** Whether a recorded plan was right-sized ({@code --optimize}). */
  public static boolean optimized(JsonNode plan) {
    return changes(plan).values().stream()
        .flatMap(List::stream)
        .anyMatch(c -> c.rule().equals(RightSizing.RULE));
  }

  /** The prices a recorded plan's cost was computed at; empty for a plan recorded without. */
  public static Optional<Prices> prices(JsonNode plan) {
    JsonNode p = plan.path("prices");
    if (!p.isObject()) {
      return Optional.empty();
    }
    return Optional.of(
        new Prices(
            p.path("currency").asText(Prices.DEFAULTS.currency()),
            p.path("coreHour").asDouble(Prices.DEFAULTS.coreHour()),
            p.path("gibHour").asDouble(Prices.DEFAULTS.gibHour()),
            p.path("gpuHour").asDouble(Prices.DEFAULTS.gpuHour()),
            p.path("storageGibMonth").asDouble(Prices.DEFAULTS.storageGibMonth()),
            p.path("networkGib").asDouble(Prices.DEFAULTS.networkGib()),
            p.path("retentionDays").asDouble(Prices.DEFAULTS.retentionDays()),
            p.path("source").asText(Prices.DEFAULTS.source())));
  }

  /** The predicted makespan in a recorded plan; empty when it had none. */
  public static OptionalDouble makespan(JsonNode plan) {
    JsonNode m = plan.at("/predicted/makespanSeconds");
    return m.isNumber() ? OptionalDouble.of(m.asDouble()) : OptionalDouble.empty();
  }

  private static void stage(ObjectNode o, StagePlan s) {
    o.put("name", s.name());
    o.put("type", s.type().name());
    o.put("included", s.included());
    o.put("reason", s.reason());
    if (s.parallelism().isPresent()) {
      o.put("parallelism", s.parallelism().getAsInt());
    } else {
      o.putNull("parallelism");
    }
    strings(o.putArray("optimizations"), s.optimizations());
    ObjectNode resources = o.putObject("resources");
    resources.put("cpu", Quantities.formatCpu(s.resources().milliCpu()));
    resources.put("memory", Quantities.formatBytes(s.resources().memoryBytes()));
    resources.put("gpu", s.resources().gpu());
    ArrayNode changes = o.putArray("changes");
    for (Change c : s.changes()) {
      changes
          .addObject()
          .put("field", c.field())
          .put("from", c.from())
          .put("to", c.to())
          .put("rule", c.rule());
    }
    Prediction p = s.predicted();
    ObjectNode predicted =
        o.putObject("predicted")
            .put("durationSeconds", p.durationSeconds())
            .put("cpuCores", p.cpuCores());
    if (p.memoryBytes().isPresent()) {
      predicted.put("memoryBytes", p.memoryBytes().getAsLong());
    } else {
      predicted.putNull("memoryBytes");
    }
    predicted.put("confidence", p.confidence()).put("basis", p.basis());
    ArrayNode instances = predicted.putArray("instanceSeconds");
    p.instanceSeconds().forEach(instances::add);
  }

  private static void predicted(ObjectNode o, PipelinePrediction p) {
    number(o, "makespanSeconds", p.makespanSeconds());
    o.put("criticalPathSeconds", p.criticalPathSeconds());
    o.put("resourceBoundSeconds", p.resourceBoundSeconds());
    o.set("cost", cost(p.cost()));
  }

  /**
   * Prices as JSON: {@code currency, coreHour, gibHour, gpuHour, storageGibMonth, networkGib,
   * retentionDays, source}.
   */
  public static ObjectNode prices(Prices p) {
    return JSON.createObjectNode()
        .put("currency", p.currency())
        .put("coreHour", p.coreHour())
        .put("gibHour", p.gibHour())
        .put("gpuHour", p.gpuHour())
        .put("storageGibMonth", p.storageGibMonth())
        .put("networkGib", p.networkGib())
        .put("retentionDays", p.retentionDays())
        .put("source", p.source());
  }

  /** A cost as JSON: {@code compute, storage, network, total, currency}. */
  public static ObjectNode cost(Cost c) {
    return JSON.createObjectNode()
        .put("compute", c.compute())
        .put("storage", c.storage())
        .put("network", c.network())
        .put("total", c.total())
        .put("currency", c.currency());
  }

  private static void improvement(ObjectNode o, Optional<Improvement> improvement) {
    span(o.putObject("makespanSeconds"), improvement.map(Improvement::makespanSeconds));
    span(o.putObject("cost"), improvement.map(Improvement::cost));
  }

  private static void span(ObjectNode o, Optional<Improvement.Span> span) {
    number(o, "before", span.map(Improvement.Span::before).orElse(OptionalDouble.empty()));
    number(o, "after", span.map(Improvement.Span::after).orElse(OptionalDouble.empty()));
  }

  /**
   * A pipeline's complexity as JSON: {@code complexityScore, nodeCount, dependencyDensity,
   * conditionalBranches, resourceVariability, shape}.
   */
  public static ObjectNode metrics(PlanMetrics m) {
    ObjectNode o = JSON.createObjectNode();
    o.put("complexityScore", m.complexityScore());
    o.put("nodeCount", m.nodeCount());
    o.put("dependencyDensity", m.dependencyDensity());
    o.put("conditionalBranches", m.conditionalBranches());
    o.put("resourceVariability", m.resourceVariability());
    o.put("shape", m.shape().name());
    return o;
  }

  private static void number(ObjectNode o, String field, OptionalDouble value) {
    if (value.isPresent()) {
      o.put(field, value.getAsDouble());
    } else {
      o.putNull(field);
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
