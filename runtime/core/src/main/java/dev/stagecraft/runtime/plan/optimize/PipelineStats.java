package dev.stagecraft.runtime.plan.optimize;

import dev.stagecraft.runtime.engine.FailedAttempt;
import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import dev.stagecraft.runtime.plan.Cost;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A pipeline's figures over its recent runs. Per stage i, over its executions that ran (SUCCEEDED
 * or FAILED; fan-out instances each count):
 *
 * <ul>
 *   <li>{@code s_i}, the first-attempt success rate: executions that succeeded at their first
 *       attempt over executions; {@code f_i}, the success rate after retries: executions that
 *       succeeded over executions;
 *   <li>recovery time: from the end of an execution's first failed attempt to the stage's next
 *       success, by retry (the same execution) or by resume (the same instance in the run resuming
 *       it, following resumes of resumes); failures never recovered are counted apart;
 *   <li>p50 and p90 of the wall time of successful executions (linear interpolation between ranks);
 *   <li>utilization: CPU seconds used over reserved cores x wall seconds.
 * </ul>
 *
 * For the pipeline: {@code Pipeline_Success_Rate = prod(s_i) x Retry_Success_Factor} with {@code
 * Retry_Success_Factor = prod(f_i / s_i)}, which is {@code prod(f_i)} (so it stays defined when
 * some {@code s_i} is 0: the factor is then undefined, the rate is not), beside the observed share
 * of runs that succeeded; {@code MTTR = sum over stages of (1 - s_i) x mean recovery time_i}; p50
 * and p90 of successful runs' durations; utilization over every execution; the cost of a run on its
 * reserved resources (mean over the runs, {@link CostModel}); and {@code Cost_Efficiency = business
 * value / cost per run} when a business value is given.
 *
 * @param runs the runs read (newest first), whatever their status
 * @param endedRuns those that ended (not RUNNING)
 * @param succeededRuns those that SUCCEEDED
 * @param observedSuccessRate succeeded over ended runs
 * @param firstAttemptProduct {@code prod(s_i)} over stages that ran
 * @param retrySuccessFactor {@code prod(f_i / s_i)}; empty when some {@code s_i} is 0
 * @param pipelineSuccessRate {@code prod(s_i) x Retry_Success_Factor = prod(f_i)}
 * @param mttrSeconds empty when no failure was ever recovered although some stage failed
 * @param unrecovered failures with no later success by retry or resume
 * @param costPerRun the mean cost of a run
 * @param costEfficiency business value over the total cost per run, when given
 */
public record PipelineStats(
    int runs,
    int endedRuns,
    int succeededRuns,
    OptionalDouble observedSuccessRate,
    double firstAttemptProduct,
    OptionalDouble retrySuccessFactor,
    double pipelineSuccessRate,
    OptionalDouble mttrSeconds,
    int unrecovered,
    OptionalDouble p50Seconds,
    OptionalDouble p90Seconds,
    OptionalDouble utilization,
    Cost costPerRun,
    OptionalDouble businessValue,
    OptionalDouble costEfficiency,
    List<StageStats> stages) {

  public PipelineStats {
    Objects.requireNonNull(costPerRun, "costPerRun");
    stages = List.copyOf(stages);
  }

  /**
   * One stage's figures.
   *
   * @param executions executions that ran (SUCCEEDED or FAILED)
   * @param firstAttemptRate {@code s_i}; empty when it never ran
   * @param successRate {@code f_i}; empty when it never ran
   * @param recoverySeconds the mean recovery time of its recovered failures
   * @param recovered failures followed by a success
   * @param unrecovered failures never followed by one
   * @param costPerRun its share of the cost of a run (compute and storage)
   */
  public record StageStats(
      String stage,
      int executions,
      int firstAttemptSuccesses,
      int successes,
      OptionalDouble firstAttemptRate,
      OptionalDouble successRate,
      OptionalDouble recoverySeconds,
      int recovered,
      int unrecovered,
      OptionalDouble p50Seconds,
      OptionalDouble p90Seconds,
      OptionalDouble utilization,
      double costPerRun) {
    public StageStats {
      Objects.requireNonNull(stage, "stage");
    }
  }

  /**
   * The figures of {@code runs} (newest first).
   *
   * @param stageOrder the stages in declaration order; stages of the history not in it follow
   * @param businessValue what a run is worth, for the cost efficiency
   */
  public static PipelineStats of(
      List<StatsRun> runs, List<String> stageOrder, Prices prices, OptionalDouble businessValue) {
    Map<String, List<InRun>> byStage = new LinkedHashMap<>();
    stageOrder.forEach(s -> byStage.put(s, new ArrayList<>()));
    Map<String, StatsRun.Execution> byRunAndInstance = new HashMap<>();
    Map<String, StatsRun> resumedBy = new HashMap<>();
    for (StatsRun r : runs) {
      r.resumedFrom().ifPresent(from -> resumedBy.put(from, r));
      for (StatsRun.Execution x : r.executions()) {
        byStage
            .computeIfAbsent(x.execution().stage(), k -> new ArrayList<>())
            .add(new InRun(r.runId(), x));
        byRunAndInstance.put(r.runId() + '\u0000' + x.execution().instance(), x);
      }
    }

    List<StageStats> stages = new ArrayList<>();
    double firstProduct = 1;
    double successProduct = 1;
    double mttr = 0;
    boolean mttrKnown = true;
    int unrecovered = 0;
    double cpu = 0;
    double reservedCoreSeconds = 0;
    for (Map.Entry<String, List<InRun>> e : byStage.entrySet()) {
      int ran = 0;
      int first = 0;
      int ok = 0;
      List<Double> durations = new ArrayList<>();
      List<Double> recoveries = new ArrayList<>();
      int lost = 0;
      double stageCpu = 0;
      double stageReserved = 0;
      List<CostModel.Work> work = new ArrayList<>();
      for (InRun in : e.getValue()) {
        StatsRun.Execution x = in.execution();
        StageExecution s = x.execution();
        if (consumed(s)) {
          double wall = s.wallMs() / 1000.0;
          stageCpu += s.cpuNanos() / 1e9;
          stageReserved += x.reserved().milliCpu() / 1000.0 * wall;
          work.add(new CostModel.Work(x.reserved(), List.of(wall), x.outputBytes(), 0));
        } else if (x.outputBytes() > 0) {
          work.add(new CostModel.Work(x.reserved(), List.of(), x.outputBytes(), 0));
        }
        if (s.status() != StageStatus.SUCCEEDED && s.status() != StageStatus.FAILED) {
          continue;
        }
        ran++;
        boolean firstFailed = s.status() == StageStatus.FAILED || s.attempts() > 1;
        if (s.status() == StageStatus.SUCCEEDED) {
          ok++;
          durations.add(s.wallMs() / 1000.0);
          if (!firstFailed) {
            first++;
          }
        }
        if (firstFailed) {
          Optional<Duration> recovery = recovery(x, in.runId(), byRunAndInstance, resumedBy);
          if (recovery.isPresent()) {
            recoveries.add(recovery.get().toNanos() / 1e9);
          } else {
            lost++;
          }
        }
      }
      cpu += stageCpu;
      reservedCoreSeconds += stageReserved;
      OptionalDouble s =
          ran == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) first / ran);
      OptionalDouble f = ran == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) ok / ran);
      OptionalDouble recovery =
          recoveries.isEmpty()
              ? OptionalDouble.empty()
              : OptionalDouble.of(recoveries.stream().mapToDouble(d -> d).average().orElse(0));
      if (ran > 0) {
        firstProduct *= s.getAsDouble();
        successProduct *= f.getAsDouble();
        if (first < ran) {
          if (recovery.isPresent()) {
            mttr += (1 - s.getAsDouble()) * recovery.getAsDouble();
          } else {
            mttrKnown = false;
          }
        }
      }
      unrecovered += lost;
      stages.add(
          new StageStats(
              e.getKey(),
              ran,
              first,
              ok,
              s,
              f,
              recovery,
              recoveries.size(),
              lost,
              percentile(durations, 0.5),
              percentile(durations, 0.9),
              stageReserved > 0
                  ? OptionalDouble.of(stageCpu / stageReserved)
                  : OptionalDouble.empty(),
              runs.isEmpty() ? 0 : CostModel.of(work, prices).total() / runs.size()));
    }

    int ended = 0;
    int succeeded = 0;
    List<Double> runDurations = new ArrayList<>();
    double compute = 0;
    double storage = 0;
    double network = 0;
    for (StatsRun r : runs) {
      if (r.status() == RunStatus.RUNNING) {
        continue;
      }
      ended++;
      if (r.status() == RunStatus.SUCCEEDED) {
        succeeded++;
        r.end()
            .ifPresent(end -> runDurations.add(Duration.between(r.start(), end).toNanos() / 1e9));
      }
    }
    for (StatsRun r : runs) {
      List<CostModel.Work> work = new ArrayList<>();
      for (StatsRun.Execution x : r.executions()) {
        StageExecution s = x.execution();
        work.add(
            new CostModel.Work(
                x.reserved(),
                consumed(s) ? List.of(s.wallMs() / 1000.0) : List.of(),
                x.outputBytes(),
                0));
      }
      Cost c = CostModel.of(work, prices);
      compute += c.compute();
      storage += c.storage();
      network += c.network();
    }
    int n = Math.max(1, runs.size());
    Cost perRun =
        new Cost(
            compute / n,
            storage / n,
            network / n,
            (compute + storage + network) / n,
            prices.currency());
    boolean anyRan = stages.stream().anyMatch(st -> st.executions() > 0);
    return new PipelineStats(
        runs.size(),
        ended,
        succeeded,
        ended == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) succeeded / ended),
        anyRan ? firstProduct : 0,
        anyRan && firstProduct > 0
            ? OptionalDouble.of(successProduct / firstProduct)
            : OptionalDouble.empty(),
        anyRan ? successProduct : 0,
        mttrKnown ? OptionalDouble.of(mttr) : OptionalDouble.empty(),
        unrecovered,
        percentile(runDurations, 0.5),
        percentile(runDurations, 0.9),
        reservedCoreSeconds > 0
            ? OptionalDouble.of(cpu / reservedCoreSeconds)
            : OptionalDouble.empty(),
        perRun,
        businessValue,
        businessValue.isPresent() && perRun.total() > 0
            ? OptionalDouble.of(businessValue.getAsDouble() / perRun.total())
            : OptionalDouble.empty(),
        stages);
  }

  /** An execution and the run it belongs to. */
  private record InRun(String runId, StatsRun.Execution execution) {}

  /** Whether the execution held its reservation for its wall time (it started). */
  private static boolean consumed(StageExecution s) {
    return s.start().isPresent() && s.status() != StageStatus.CACHED && s.wallMs() > 0;
  }

  /**
   * From the end of the execution's first failed attempt to its stage's next success: the same
   * execution's end when a retry succeeded, else the instance's success in the run resuming its run
   * (following resumes of resumes); empty when it never succeeded.
   */
  private static Optional<Duration> recovery(
      StatsRun.Execution x,
      String runId,
      Map<String, StatsRun.Execution> byRunAndInstance,
      Map<String, StatsRun> resumedBy) {
    StageExecution s = x.execution();
    List<FailedAttempt> failed = s.failedAttempts();
    Optional<Instant> failedAt = failed.isEmpty() ? s.end() : Optional.of(failed.get(0).end());
    if (failedAt.isEmpty()) {
      return Optional.empty();
    }
    Set<String> seen = new HashSet<>();
    String run = runId;
    StageExecution current = s;
    while (true) {
      if (current.status() == StageStatus.SUCCEEDED && current.end().isPresent()) {
        return Optional.of(Duration.between(failedAt.get(), current.end().get()));
      }
      StatsRun next = resumedBy.get(run);
      if (next == null || !seen.add(next.runId())) {
        return Optional.empty();
      }
      run = next.runId();
      StatsRun.Execution again = byRunAndInstance.get(run + '\u0000' + s.instance());
      if (again == null) {
        return Optional.empty();
      }
      current = again.execution();
    }
  }

  private static OptionalDouble percentile(List<Double> values, double p) {
    return values.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(Statistics.percentile(values, p));
  }
}
