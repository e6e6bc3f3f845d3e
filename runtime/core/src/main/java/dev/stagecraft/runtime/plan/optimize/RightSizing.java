package dev.stagecraft.runtime.plan.optimize;

import dev.stagecraft.runtime.graph.ResourceRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Right-sizing: each stage with observed use asks for that use times a safety factor (1.2; 1.5 for
 * a high-priority run), never below what a rule set as a minimum, within the budget. The budget is
 * the capacity, shared by the stages of a parallel group (they may run at once; a fan-out stage
 * counts as many times as it has instances at once): stages without observed use keep their
 * requests, which come off the budget first; then, in order of predicted seconds per predicted
 * core, ascending, each stage gets its use times the factor while the budget lasts, and after that
 * what is left of it, but never less than its use. GPUs are left alone. CPU is rounded up to 10
 * millicores (at least {@link #MIN_MILLI_CPU}), memory up to a MiB (at least {@link #MIN_MEMORY}).
 *
 * <p>A stage whose use alone is more than the budget keeps its use: the plan's validation then says
 * the budget cannot hold it.
 */
public final class RightSizing {
  /** The rule right-sizing's changes are recorded under. */
  public static final String RULE = "right-sizing";

  /** The safety factor on observed use. */
  public static final double SAFETY = 1.2;

  /** The safety factor of a high-priority run. */
  public static final double HIGH_PRIORITY_SAFETY = 1.5;

  /** The least CPU right-sizing gives: 10 millicores. */
  public static final long MIN_MILLI_CPU = 10;

  /** The least memory right-sizing gives: 16 MiB. */
  public static final long MIN_MEMORY = 16L << 20;

  private static final long MIB = 1L << 20;

  private RightSizing() {}

  /**
   * A stage as right-sizing sees it.
   *
   * @param group the index of its parallel group
   * @param observed whether its prediction is its observed use (else it keeps its request)
   * @param seconds its predicted duration
   * @param cores its predicted CPU use in cores
   * @param memory its predicted memory use; empty when not measured (memory keeps its request)
   * @param cpuFloor the least CPU a rule set, in millicores (0 for none)
   * @param memoryFloor the least memory a rule set, in bytes (0 for none)
   * @param current what it asks for before right-sizing
   * @param atOnce how many of its instances may run at once (1 for a plain stage)
   */
  public record Stage(
      String name,
      int group,
      boolean observed,
      double seconds,
      double cores,
      OptionalLong memory,
      long cpuFloor,
      long memoryFloor,
      ResourceRequest current,
      int atOnce) {
    public Stage {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(memory, "memory");
      Objects.requireNonNull(current, "current");
    }
  }

  /**
   * The right-sized CPU and memory of each stage with observed use, by name, in the order they were
   * given.
   *
   * @param factor {@link #SAFETY} or {@link #HIGH_PRIORITY_SAFETY}
   */
  public static Map<String, ResourceRequest> of(
      List<Stage> stages, ResourceRequest budget, double factor) {
    Map<String, ResourceRequest> sized = new LinkedHashMap<>();
    int groups = stages.stream().mapToInt(Stage::group).max().orElse(-1) + 1;
    for (int g = 0; g < groups; g++) {
      long leftCpu = budget.milliCpu();
      long leftMemory = budget.memoryBytes();
      List<Stage> observed = new ArrayList<>();
      for (Stage s : stages) {
        if (s.group() != g) {
          continue;
        }
        if (s.observed()) {
          observed.add(s);
        } else {
          leftCpu -= s.current().milliCpu() * s.atOnce();
          leftMemory -= s.current().memoryBytes() * s.atOnce();
        }
      }
      observed.sort(Comparator.comparingDouble(RightSizing::secondsPerCore));
      for (Stage s : observed) {
        int k = Math.max(1, s.atOnce());
        long cpu =
            give(
                Math.max(s.cpuFloor(), cpu(s.cores())),
                Math.max(s.cpuFloor(), cpu(s.cores() * factor)),
                leftCpu,
                k,
                10);
        long memory = s.current().memoryBytes();
        if (s.memory().isPresent()) {
          long use = s.memory().getAsLong();
          memory =
              give(
                  Math.max(s.memoryFloor(), memory(use)),
                  Math.max(s.memoryFloor(), memory(use * factor)),
                  leftMemory,
                  k,
                  MIB);
        }
        leftCpu -= cpu * k;
        leftMemory -= memory * k;
        sized.put(s.name(), s.current().withMilliCpu(cpu).withMemoryBytes(memory));
      }
    }
    Map<String, ResourceRequest> ordered = new LinkedHashMap<>();
    stages.forEach(
        s -> {
          if (sized.containsKey(s.name())) {
            ordered.put(s.name(), sized.get(s.name()));
          }
        });
    return ordered;
  }

  /** Predicted seconds per predicted core; a stage using no CPU comes last. */
  private static double secondsPerCore(Stage s) {
    return s.cores() > 0 ? s.seconds() / s.cores() : Double.POSITIVE_INFINITY;
  }

  /**
   * {@code want} when k of it fit what is left, else what is left (in whole units), at least use.
   */
  private static long give(long use, long want, long left, int k, long unit) {
    if (want * k <= left) {
      return want;
    }
    long share = Math.max(0, left / k) / unit * unit;
    return Math.max(use, Math.min(want, share));
  }

  /** Cores as millicores, rounded up to 10, at least {@link #MIN_MILLI_CPU}. */
  static long cpu(double cores) {
    return Math.max(MIN_MILLI_CPU, (long) Math.ceil(cores * 100 - 1e-9) * 10);
  }

  /** Bytes rounded up to a MiB, at least {@link #MIN_MEMORY}. */
  static long memory(double bytes) {
    return Math.max(MIN_MEMORY, (long) Math.ceil(bytes / MIB - 1e-9) * MIB);
  }
}
