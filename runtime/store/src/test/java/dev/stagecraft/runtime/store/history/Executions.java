package dev.stagecraft.runtime.store.history;

import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import java.time.Instant;
import java.util.Map;

/** Stage executions for tests. */
public final class Executions {
  private Executions() {}

  /** A plain stage that ended with the status, taking {@code wallMs}. */
  public static StageExecution of(String stage, StageStatus status, Instant start, long wallMs) {
    return StageExecution.builder(stage, stage)
        .status(status)
        .attempts(1)
        .start(start)
        .end(start.plusMillis(wallMs))
        .wallMs(wallMs)
        .cpuNanos(wallMs * 1000)
        .allocatedBytes(4096)
        .reason(status == StageStatus.FAILED ? "boom" : "")
        .build();
  }

  /** A fan-out instance {@code stage[index]} with its item label and metrics. */
  public static StageExecution instance(
      String stage,
      int index,
      String item,
      StageStatus status,
      Instant start,
      long wallMs,
      Map<String, Double> metrics) {
    return StageExecution.builder(stage + "[" + index + "]", stage)
        .index(index)
        .item(item)
        .status(status)
        .attempts(1)
        .start(start)
        .end(start.plusMillis(wallMs))
        .wallMs(wallMs)
        .cpuNanos(1_000_000L * index)
        .allocatedBytes(1024L * index)
        .metrics(metrics)
        .build();
  }
}
