package dev.stagecraft.runtime.plan;

import dev.stagecraft.runtime.graph.ResourceRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's part of a plan: step 2, its resource defaults for what a stage did not write (rule
 * {@value #DEFAULTS_RULE}); step 5, its quota's policy when the run needs more than the quota (the
 * sum of its included stages' requests): {@code reject} refuses it, {@code scale_down} scales every
 * stage by quota / requirement (rule {@value #SCALE_DOWN_RULE}), {@code queue} leaves it as it is;
 * and at validation, a single stage larger than the whole quota, which no policy can run.
 *
 * <pre>{@code
 * Plan plan = Planner.plan(def, PlanRequest.of(capacity).withTenant(limits));
 * TenantQuota.refusal(plan, limits).ifPresent(reason -> answer403(reason));
 * }</pre>
 */
public final class TenantQuota {
  /** The rule id of the tenant's resource defaults. */
  public static final String DEFAULTS_RULE = "tenant-defaults";

  /** The rule id of the quota's {@code scale_down}. */
  public static final String SCALE_DOWN_RULE = "quota-scale-down";

  private static final long MIB = 1L << 20;

  private TenantQuota() {}

  /** The sum of the included stages' requests: what the run needs of the quota. */
  public static ResourceRequest required(List<StagePlan> stages) {
    long cpu = 0;
    long memory = 0;
    long gpu = 0;
    for (StagePlan s : stages) {
      if (s.included()) {
        cpu = saturatedAdd(cpu, s.resources().milliCpu());
        memory = saturatedAdd(memory, s.resources().memoryBytes());
        gpu += s.resources().gpu();
      }
    }
    return new ResourceRequest(cpu, memory, (int) Math.min(Integer.MAX_VALUE, gpu));
  }

  /**
   * Why the tenant's quota refuses this plan, with the numbers: a stage larger than the whole quota
   * (under every policy), or the run's total over the quota under {@code reject}; empty when it
   * does not.
   */
  public static Optional<String> refusal(Plan plan, TenantLimits limits) {
    List<String> problems = new ArrayList<>();
    for (String p : plan.problems()) {
      if (p.startsWith(prefix(limits))) {
        problems.add(p);
      }
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  /** How every quota problem of the tenant begins, so that {@link #refusal} finds them. */
  private static String prefix(TenantLimits limits) {
    return "tenant '" + limits.tenant() + "'";
  }

  /**
   * Step 2: the tenant's default cpu and memory for each stage whose source did not write its own.
   */
  static void applyDefaults(List<StageDraft> stages, TenantLimits limits) {
    for (StageDraft s : stages) {
      if (limits.defaultMilliCpu().isPresent() && !s.spec.writtenResources().contains("cpu")) {
        s.setCpu(limits.defaultMilliCpu().getAsLong(), DEFAULTS_RULE);
      }
      if (limits.defaultMemoryBytes().isPresent()
          && !s.spec.writtenResources().contains("memory")) {
        s.setMemory(limits.defaultMemoryBytes().getAsLong(), DEFAULTS_RULE);
      }
    }
  }

  /**
   * Step 5 under {@code scale_down}: when the run needs more than the quota of a resource, every
   * included stage's request of it is scaled by quota / requirement (cpu and memory rounded down,
   * never below 1m and 1Mi; a stage that asked for GPUs gets max(1, floor(g x f)), one that asked
   * for none keeps 0). Returns whether anything changed.
   */
  static boolean scaleDown(List<StageDraft> stages, List<StagePlan> plans, TenantLimits limits) {
    if (limits.policy() != QuotaPolicy.SCALE_DOWN) {
      return false;
    }
    ResourceRequest need = required(plans);
    ResourceRequest quota = limits.quota();
    boolean changed = false;
    if (need.milliCpu() > quota.milliCpu()) {
      double f = quota.milliCpu() / (double) need.milliCpu();
      for (StageDraft s : stages) {
        if (s.included()) {
          s.setCpu(Math.max(1, (long) Math.floor(s.milliCpu() * f)), SCALE_DOWN_RULE);
          changed = true;
        }
      }
    }
    if (need.memoryBytes() > quota.memoryBytes()) {
      double f = quota.memoryBytes() / (double) need.memoryBytes();
      for (StageDraft s : stages) {
        if (s.included()) {
          s.setMemory(Math.max(MIB, (long) Math.floor(s.memoryBytes() * f)), SCALE_DOWN_RULE);
          changed = true;
        }
      }
    }
    if (need.gpu() > quota.gpu()) {
      double f = quota.gpu() / (double) need.gpu();
      for (StageDraft s : stages) {
        if (s.included() && s.gpu() > 0) {
          s.setGpu(Math.max(1, (int) Math.floor(s.gpu() * f)), SCALE_DOWN_RULE);
          changed = true;
        }
      }
    }
    return changed;
  }

  /**
   * The quota's problems with the plan as the rules and right-sizing left it ({@code before}): each
   * stage larger than the whole quota, and under {@code reject} a run needing more than the quota.
   */
  static List<String> problems(List<StagePlan> before, TenantLimits limits) {
    List<String> problems = new ArrayList<>();
    ResourceRequest quota = limits.quota();
    for (StagePlan s : before) {
      if (s.included() && !s.resources().fitsIn(quota)) {
        problems.add(
            prefix(limits)
                + " cannot run stage '"
                + s.name()
                + "': it asks "
                + s.resources()
                + ", more than the tenant's whole quota ("
                + quota
                + "); lower what it asks or raise the quota");
      }
    }
    ResourceRequest need = required(before);
    if (limits.policy() == QuotaPolicy.REJECT && !need.fitsIn(quota)) {
      problems.add(
          prefix(limits)
              + " refuses the run: its stages need "
              + need
              + " in all, over the quota "
              + quota
              + " (policy reject; with scale_down the stages would be scaled to fit, with queue"
              + " they would wait for each other)");
    }
    return problems;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
