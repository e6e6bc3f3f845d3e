package dev.stagecraft.runtime.plan;

import dev.stagecraft.annotations.syntax.Quantities;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.RetryPolicy;
import dev.stagecraft.runtime.graph.StageSpec;
import dev.stagecraft.runtime.plan.optimize.RightSizing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One stage while a plan is resolved: its compiled definition, what the rules applied so far
 * decided, and every change with its rule. An excluded stage takes no further changes.
 */
final class StageDraft {
  private static final long MIB = 1L << 20;

  final StageSpec spec;
  private boolean included = true;
  private String reason = "";
  private OptionalInt parallelism;
  private List<String> optimizations;
  private long milliCpu;
  private long memoryBytes;

  /** The least cpu and memory a rule set (an "at least", or a template rule's value); 0: none. */
  private long cpuFloor;

  private long memoryFloor;

  private int gpu;
  private int retries;
  private Optional<Duration> timeout;
  private final List<Change> changes = new ArrayList<>();

  StageDraft(StageSpec spec) {
    this.spec = spec;
    this.parallelism = spec.parallelism();
    this.optimizations = spec.optimizations();
    this.milliCpu = spec.resources().milliCpu();
    this.memoryBytes = spec.resources().memoryBytes();
    this.gpu = spec.resources().gpu();
    this.retries = spec.retry().retries();
    this.timeout = spec.timeout();
  }

  boolean included() {
    return included;
  }

  long milliCpu() {
    return milliCpu;
  }

  long memoryBytes() {
    return memoryBytes;
  }

  int gpu() {
    return gpu;
  }

  /**
   * The threads the stage uses: as set, else its cores rounded up; for a fan-out stage the bound on
   * instances at once, empty when unbounded.
   */
  OptionalInt parallelism() {
    if (parallelism.isPresent() || spec.fanOut().isPresent()) {
      return parallelism;
    }
    return OptionalInt.of((int) Math.max(1, (milliCpu + 999) / 1000));
  }

  /** Raises the parallelism to at least {@code atLeast}; an unbounded fan-out stays unbounded. */
  void raiseParallelism(int atLeast, String rule) {
    OptionalInt now = parallelism();
    if (now.isPresent() && now.getAsInt() < atLeast) {
      setParallelism(atLeast, rule);
    }
  }

  void setParallelism(int value, String rule) {
    OptionalInt now = parallelism();
    if (included && (now.isEmpty() || now.getAsInt() != value)) {
      record(
          "parallelism",
          now.isEmpty() ? "unbounded" : Integer.toString(now.getAsInt()),
          "" + value,
          rule);
      parallelism = OptionalInt.of(value);
    }
  }

  long cpuFloor() {
    return cpuFloor;
  }

  long memoryFloor() {
    return memoryFloor;
  }

  void setCpu(long millis, String rule) {
    if (included && millis != milliCpu) {
      record("resources.cpu", Quantities.formatCpu(milliCpu), Quantities.formatCpu(millis), rule);
      milliCpu = millis;
    }
    if (included && assignsMinimum(rule)) {
      cpuFloor = millis;
    }
  }

  void setMemory(long bytes, String rule) {
    if (included && bytes != memoryBytes) {
      record(
          "resources.memory",
          Quantities.formatBytes(memoryBytes),
          Quantities.formatBytes(bytes),
          rule);
      memoryBytes = bytes;
    }
    if (included && assignsMinimum(rule)) {
      memoryFloor = bytes;
    }
  }

  /** Raises cpu to at least {@code atLeast}, a minimum right-sizing keeps. */
  void raiseCpu(long atLeast, String rule) {
    setCpu(Math.max(milliCpu, atLeast), rule);
    if (included) {
      cpuFloor = Math.max(cpuFloor, atLeast);
    }
  }

  /** Raises memory to at least {@code atLeast}, a minimum right-sizing keeps. */
  void raiseMemory(long atLeast, String rule) {
    setMemory(Math.max(memoryBytes, atLeast), rule);
    if (included) {
      memoryFloor = Math.max(memoryFloor, atLeast);
    }
  }

  /**
   * Whether the value {@code rule} assigns is a minimum right-sizing keeps: a template rule's is
   * (built-in rules raise through {@link #raiseCpu} and {@link #raiseMemory}); an environment
   * overlay's (a setting, like the source's), the priority boost's (a factor, which right-sizing's
   * own replaces) and right-sizing's are not.
   */
  private static boolean assignsMinimum(String rule) {
    return !rule.startsWith(TemplateEnvironment.RULE_PREFIX)
        && !BuiltInRule.isBuiltIn(rule)
        && !rule.equals(RightSizing.RULE);
  }

  void setGpu(int value, String rule) {
    if (included && value != gpu) {
      record("resources.gpu", Integer.toString(gpu), Integer.toString(value), rule);
      gpu = value;
    }
  }

  void setRetries(int value, String rule) {
    if (included && value != retries) {
      record("retries", Integer.toString(retries), Integer.toString(value), rule);
      retries = value;
    }
  }

  void setTimeout(Duration value, String rule) {
    if (included && !timeout.equals(Optional.of(value))) {
      record("timeout", timeout.map(Duration::toString).orElse("none"), value.toString(), rule);
      timeout = Optional.of(value);
    }
  }

  void setOptimizations(List<String> names, String rule) {
    if (included && !names.equals(optimizations)) {
      record("optimizations", names(optimizations), names(names), rule);
      optimizations = List.copyOf(names);
    }
  }

  /** Adds the optimizations not switched on yet, after those that are. */
  void addOptimizations(List<String> names, String rule) {
    List<String> all = new ArrayList<>(optimizations);
    names.stream().filter(n -> !all.contains(n)).forEach(all::add);
    setOptimizations(all, rule);
  }

  /** Excludes the stage: it ends SKIPPED with {@code excluded by RULE: WHY}. */
  void exclude(String rule, String why) {
    if (included) {
      record("included", "true", "false", rule);
      included = false;
      reason = "excluded by " + rule + (why.isEmpty() ? "" : ": " + why);
    }
  }

  /**
   * A memory size from arithmetic, readable: as it is when a whole number of MB or MiB, else
   * rounded up to a whole MiB.
   */
  static long readableMemory(long bytes) {
    if (bytes % 1_000_000 == 0 || bytes % MIB == 0) {
      return bytes;
    }
    return (bytes + MIB - 1) / MIB * MIB;
  }

  /** What the plan decided for the stage. */
  StagePlan toPlan(Prediction predicted) {
    return new StagePlan(
        spec.name(),
        spec.type(),
        spec.fanOut().isPresent(),
        included,
        reason,
        parallelism(),
        optimizations,
        new ResourceRequest(milliCpu, memoryBytes, gpu),
        new RetryPolicy(retries, spec.retry().backoff()),
        timeout,
        changes,
        predicted);
  }

  private void record(String field, String from, String to, String rule) {
    changes.add(new Change(field, from, to, rule));
  }

  private static String names(List<String> names) {
    return "[" + String.join(", ", names) + "]";
  }
}
