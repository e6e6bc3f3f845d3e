package dev.stagecraft.runtime.plan.optimize;

import dev.stagecraft.runtime.engine.StageStatus;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One execution of a stage instance in the run history, as predictions read it.
 *
 * @param runId the run it belongs to
 * @param dataSize the run's profile {@code data_size}, when it gave one
 * @param index the fan-out index; -1 for a plain stage
 * @param reason why it ended as it did (a skip's condition), often empty
 * @param wallSeconds wall time over all attempts
 * @param cpuSeconds CPU time of the stage's thread over all attempts
 * @param peakMemoryBytes the peak of used heap attributed to it while it ran; empty when not
 *     measured (it ended before the first sample, or was recorded before memory was)
 * @param outputBytes the size of its stored output, 0 when none
 */
public record ExecutionSample(
    String runId,
    OptionalLong dataSize,
    int index,
    StageStatus status,
    String reason,
    int attempts,
    double wallSeconds,
    double cpuSeconds,
    OptionalLong peakMemoryBytes,
    long outputBytes) {
  public ExecutionSample {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(dataSize, "dataSize");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(peakMemoryBytes, "peakMemoryBytes");
  }
}
