package dev.stagecraft.runtime.store.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.annotations.syntax.Quantities;
import dev.stagecraft.runtime.plan.Change;
import dev.stagecraft.runtime.plan.Cost;
import dev.stagecraft.runtime.plan.Improvement;
import dev.stagecraft.runtime.plan.PipelinePrediction;
import dev.stagecraft.runtime.plan.Plan;
import dev.stagecraft.runtime.plan.PlanMetrics;
import dev.stagecraft.runtime.plan.Prediction;
import dev.stagecraft.runtime.plan.StagePlan;
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
 * cost{...}}, improvement{...}, valid, problems, metrics{...}}}. Values not known yet are null,
 * never missing; resources are Kubernetes quantities ({@code "1500m"}, {@code "24Gi"}), the data
 * size a whole number of bytes.
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
    metrics(o.putObject("metrics"), plan.metrics());
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
    o.putObject("predicted")
        .put("durationSeconds", p.durationSeconds())
        .put("cpuCores", p.cpuCores())
        .put("memoryBytes", p.memoryBytes())
        .put("confidence", p.confidence())
        .put("basis", p.basis());
  }

  private static void predicted(ObjectNode o, PipelinePrediction p) {
    number(o, "makespanSeconds", p.makespanSeconds());
    o.put("criticalPathSeconds", p.criticalPathSeconds());
    o.put("resourceBoundSeconds", p.resourceBoundSeconds());
    ObjectNode cost = o.putObject("cost");
    Optional<Cost> c = p.cost();
    number(cost, "compute", c.map(Cost::compute));
    number(cost, "storage", c.map(Cost::storage));
    number(cost, "network", c.map(Cost::network));
    number(cost, "total", c.map(Cost::total));
    if (c.isPresent()) {
      cost.put("currency", c.get().currency());
    } else {
      cost.putNull("currency");
    }
  }

  private static void improvement(ObjectNode o, Optional<Improvement> improvement) {
    span(o.putObject("makespanSeconds"), improvement.map(Improvement::makespanSeconds));
    span(o.putObject("cost"), improvement.map(Improvement::cost));
  }

  private static void span(ObjectNode o, Optional<Improvement.Span> span) {
    number(o, "before", span.map(Improvement.Span::before));
    number(o, "after", span.map(Improvement.Span::after));
  }

  private static void metrics(ObjectNode o, PlanMetrics m) {
    o.put("complexityScore", m.complexityScore());
    o.put("nodeCount", m.nodeCount());
    o.put("dependencyDensity", m.dependencyDensity());
    o.put("conditionalBranches", m.conditionalBranches());
    o.put("resourceVariability", m.resourceVariability());
    o.put("shape", m.shape().name());
  }

  private static void number(ObjectNode o, String field, OptionalDouble value) {
    if (value.isPresent()) {
      o.put(field, value.getAsDouble());
    } else {
      o.putNull(field);
    }
  }

  private static void number(ObjectNode o, String field, Optional<Double> value) {
    if (value.isPresent()) {
      o.put(field, value.get());
    } else {
      o.putNull(field);
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
