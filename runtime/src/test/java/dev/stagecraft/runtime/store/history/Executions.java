package dev.stagecraft.runtime.store.history;

import dev.stagecraft.runtime.engine.StageExecution;
import dev.stagecraft.runtime.engine.StageStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Stage executions for tests. */
public final class Executions {
  private Executions() {}

  /** A plain stage that ended with the status, taking {@code wallMs}. */
  public static StageExecution of(String stage, StageStatus status, Instant start, long wallMs) {
    return new StageExecution(stage, stage, Optional.empty(), Optional.empty(), status, 1,
        Optional.of(start), Optional.of(start.plusMillis(wallMs)), wallMs, wallMs * 1000, 4096,
        Map.of(), status == StageStatus.FAILED ? "boom" : "");
  }

  /** A fan-out instance {@code stage[index]} with its item (JSON text) and metrics. */
  public static StageExecution instance(String stage, int index, String item, StageStatus status,
      Instant start, long wallMs, Map<String, Double> metrics) {
    return new StageExecution(stage + "[" + index + "]", stage, Optional.of(index), Optional.of(item),
        status, 1, Optional.of(start), Optional.of(start.plusMillis(wallMs)), wallMs, 1_000_000L * index,
        1024L * index, metrics, "");
  }
}
