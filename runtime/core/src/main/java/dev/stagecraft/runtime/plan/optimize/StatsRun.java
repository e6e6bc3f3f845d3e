package dev.stagecraft.runtime.plan.optimize;

import dev.stagecraft.runtime.engine.RunStatus;
import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.graph.ResourceRequest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded run of a pipeline, as its statistics read it.
 *
 * @param end empty while it runs
 * @param resumedFrom the run this one continued, if it is a resume
 * @param executions every stage instance it recorded
 */
public record StatsRun(
    String runId,
    RunStatus status,
    Instant start,
    Optional<Instant> end,
    Optional<String> resumedFrom,
    List<Execution> executions) {
  public StatsRun {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(resumedFrom, "resumedFrom");
    executions = List.copyOf(executions);
  }

  /**
   * One stage instance of the run, with what it reserved and the bytes of its stored output.
   *
   * @param reserved what the instance reserved (the run's plan, or the definition's request)
   */
  public record Execution(StageExecution execution, ResourceRequest reserved, long outputBytes) {
    public Execution {
      Objects.requireNonNull(execution, "execution");
      Objects.requireNonNull(reserved, "reserved");
    }
  }
}
