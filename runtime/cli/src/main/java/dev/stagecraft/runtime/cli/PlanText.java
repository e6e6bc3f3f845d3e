package dev.stagecraft.runtime.cli;

import dev.stagecraft.annotations.syntax.Quantities;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.plan.Change;
import dev.stagecraft.runtime.plan.Cost;
import dev.stagecraft.runtime.plan.Improvement;
import dev.stagecraft.runtime.plan.Plan;
import dev.stagecraft.runtime.plan.PlanMetrics;
import dev.stagecraft.runtime.plan.Prediction;
import dev.stagecraft.runtime.plan.StagePlan;
import dev.stagecraft.runtime.plan.optimize.Prices;
import dev.stagecraft.runtime.plan.optimize.RightSizing;
import dev.stagecraft.runtime.plan.optimize.StagePredictor;
import dev.stagecraft.runtime.report.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A plan as text for a person: what it was made from, one block per stage with what it will get,
 * its prediction and every change with its rule, the structure, the run's predictions, cost and
 * (with right-sizing) improvement, then the problems.
 */
final class PlanText {
  private PlanText() {}

  static String of(Plan plan, PipelineDefinition def, ResourceRequest capacity) {
    StringBuilder b = new StringBuilder();
    int problems = plan.problems().size();
    b.append("plan of '")
        .append(plan.pipeline())
        .append("': ")
        .append(
            plan.valid()
                ? "valid"
                : "INVALID (" + problems + " problem" + (problems == 1 ? "" : "s") + ")")
        .append('\n');
    line(b, "profile", profile(plan));
    line(b, "params", params(plan, def));
    line(
        b,
        "template",
        plan.template()
            .map(
                t ->
                    t.file()
                        + t.environment()
                            .map(e -> ", environment " + e)
                            .orElse(", no environment overlay"))
            .orElse("none"));
    line(b, "rules", rules(plan));
    line(b, "capacity", capacity.toString());
    line(
        b,
        "prices",
        (plan.prices().source().equals(Prices.DEFAULTS.source())
                ? "defaults (--prices FILE sets yours)"
                : plan.prices().source())
            + ": "
            + plan.prices().describe());
    if (plan.improvement().isPresent()) {
      long sized =
          plan.stages().stream()
              .filter(st -> st.changes().stream().anyMatch(c -> c.rule().equals(RightSizing.RULE)))
              .count();
      line(
          b,
          "right-sizing",
          sized == 0
              ? "no stage has observed use in the history yet: run the pipeline first"
              : sized
                  + " stage"
                  + (sized == 1 ? "" : "s")
                  + " asked for observed use x "
                  + (plan.profile().is("priority", "high")
                      ? RightSizing.HIGH_PRIORITY_SAFETY
                      : RightSizing.SAFETY)
                  + " within the capacity");
    }
    b.append('\n');
    for (StagePlan s : plan.stages()) {
      stage(b, s);
    }
    b.append('\n');
    line(b, "critical path", String.join(" -> ", plan.criticalPath()));
    List<String> groups = new ArrayList<>();
    for (List<String> g : plan.parallelGroups()) {
      groups.add(
          String.join(", ", g) + " (" + plan.maxParallel().get(String.join(",", g)) + " at once)");
    }
    line(b, "parallel groups", String.join(" | ", groups));
    line(
        b,
        "predicted",
        "makespan "
            + makespan(plan.predicted().makespanSeconds())
            + ", critical path "
            + Format.seconds(plan.predicted().criticalPathSeconds())
            + ", resource bound "
            + Format.seconds(plan.predicted().resourceBoundSeconds())
            + basis(plan));
    Cost cost = plan.predicted().cost();
    line(
        b,
        "cost",
        money(cost.total(), cost.currency())
            + " (compute "
            + money(cost.compute(), "")
            + ", storage "
            + money(cost.storage(), "")
            + ", network "
            + money(cost.network(), "")
            + ")");
    plan.improvement()
        .ifPresent(
            i ->
                line(
                    b,
                    "improvement",
                    "makespan "
                        + makespan(i.makespanSeconds().before())
                        + " -> "
                        + makespan(i.makespanSeconds().after())
                        + change(i.makespanSeconds())
                        + ", cost "
                        + money(i.cost().before().orElse(0), cost.currency())
                        + " -> "
                        + money(i.cost().after().orElse(0), "")
                        + change(i.cost())));
    if (plan.stages().stream().anyMatch(st -> st.predicted().observed())) {
      line(b, "measured", StagePredictor.MEASURED);
    }
    line(b, "metrics", metrics(plan.metrics()));
    if (!plan.valid()) {
      b.append('\n').append("problems\n");
      plan.problems().forEach(p -> b.append("  ").append(p).append('\n'));
    }
    return b.toString();
  }

  /** The complexity metrics in one line. */
  static String metrics(PlanMetrics m) {
    return String.format(
        Locale.ROOT,
        "%s, %d stages, dependency density %.3f, %d conditional branch%s, resource"
            + " variability %.3f, complexity %.3f",
        m.shape(),
        m.nodeCount(),
        m.dependencyDensity(),
        m.conditionalBranches(),
        m.conditionalBranches() == 1 ? "" : "es",
        m.resourceVariability(),
        m.complexityScore());
  }

  private static void stage(StringBuilder b, StagePlan s) {
    b.append(s.name()).append(" [").append(s.type());
    if (s.fanOut()) {
      b.append(", for each");
    }
    b.append("]  ");
    if (!s.included()) {
      b.append(s.reason()).append('\n');
    } else {
      b.append("cpu ")
          .append(Quantities.formatCpu(s.resources().milliCpu()))
          .append(", memory ")
          .append(Quantities.formatBytes(s.resources().memoryBytes()))
          .append(", gpu ")
          .append(s.resources().gpu())
          .append(", parallelism ")
          .append(
              s.parallelism().isPresent()
                  ? Integer.toString(s.parallelism().getAsInt())
                  : "unbounded")
          .append(s.fanOut() ? " (instances at once)" : "");
      if (s.retry().retries() > 0) {
        b.append(", retries ").append(s.retry().retries());
      }
      s.timeout().ifPresent(t -> b.append(", timeout ").append(t));
      if (!s.optimizations().isEmpty()) {
        b.append(", optimizations ").append(String.join(", ", s.optimizations()));
      }
      b.append('\n');
      Prediction p = s.predicted();
      b.append("  predicted  ").append(Format.seconds(p.durationSeconds()));
      if (p.observed()) {
        b.append(String.format(Locale.ROOT, " on %.2f cores", p.cpuCores()))
            .append(
                p.memoryBytes().isPresent()
                    ? ", memory " + megabytes(p.memoryBytes().getAsLong())
                    : "");
      }
      b.append(String.format(Locale.ROOT, ", confidence %.2f: ", p.confidence()))
          .append(p.basis().replace("; " + StagePredictor.MEASURED, ""))
          .append('\n');
    }
    List<Change> shown = s.changes().stream().filter(c -> !c.field().equals("included")).toList();
    int width = shown.stream().mapToInt(c -> c.field().length()).max().orElse(0);
    int values =
        shown.stream().mapToInt(c -> (c.from() + " -> " + c.to()).length()).max().orElse(0);
    for (Change c : shown) {
      b.append(
          String.format(
              "  %-" + width + "s  %-" + values + "s  %s%n",
              c.field(),
              c.from() + " -> " + c.to(),
              c.rule()));
    }
  }

  private static String profile(Plan plan) {
    if (plan.profile().facts().isEmpty()) {
      return "none";
    }
    List<String> facts = new ArrayList<>();
    plan.profile()
        .facts()
        .forEach(
            (name, value) ->
                facts.add(
                    name
                        + "="
                        + value
                        + (value instanceof Long bytes
                            ? " (" + Quantities.formatBytes(bytes) + ")"
                            : "")));
    return String.join(", ", facts);
  }

  /** The parameters whose value is not their default; "defaults" when there are none. */
  private static String params(Plan plan, PipelineDefinition def) {
    List<String> set = new ArrayList<>();
    for (Map.Entry<String, String> p : plan.params().texts().entrySet()) {
      String declared = def.param(p.getKey()).flatMap(ParamSpec::defaultText).orElse(null);
      if (!p.getValue().equals(declared)) {
        set.add(p.getKey() + "=" + p.getValue());
      }
    }
    return set.isEmpty() ? "the defaults" : String.join(", ", set) + ", others the defaults";
  }

  /** The rules that fired, marking those that changed nothing. */
  private static String rules(Plan plan) {
    if (plan.rulesFired().isEmpty()) {
      return "none fired";
    }
    List<String> rules = new ArrayList<>();
    for (String rule : plan.rulesFired()) {
      boolean changed =
          plan.stages().stream()
              .flatMap(s -> s.changes().stream())
              .anyMatch(c -> c.rule().equals(rule));
      rules.add(changed ? rule : rule + " (no change)");
    }
    return String.join(", ", rules);
  }

  private static String basis(Plan plan) {
    // How use is measured is said once, on the "measured" line.
    List<String> bases =
        plan.stages().stream()
            .map(s -> s.predicted().basis().replace("; " + StagePredictor.MEASURED, ""))
            .distinct()
            .toList();
    return bases.size() == 1 ? " (" + bases.get(0) + ")" : "";
  }

  private static String makespan(OptionalDouble s) {
    return s.isPresent() ? Format.seconds(s.getAsDouble()) : "- (a stage does not fit)";
  }

  /** An amount with four significant digits, after its currency when one is given. */
  static String money(double amount, String currency) {
    String number =
        amount == 0
            ? "0"
            : new java.math.BigDecimal(amount)
                .round(new java.math.MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    return currency.isEmpty() ? number : currency + " " + number;
  }

  /** {@code (-21%)} from before to after; empty when a side is unknown or before is 0. */
  private static String change(Improvement.Span span) {
    if (span.before().isEmpty() || span.after().isEmpty() || span.before().getAsDouble() == 0) {
      return "";
    }
    double pct = 100 * (span.after().getAsDouble() / span.before().getAsDouble() - 1);
    return String.format(Locale.ROOT, " (%+.0f%%)", pct);
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
  }

  static void line(StringBuilder b, String label, String value) {
    b.append(String.format("%-16s%s%n", label, value));
  }
}
