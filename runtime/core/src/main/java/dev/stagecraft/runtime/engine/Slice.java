package dev.stagecraft.runtime.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One execution of a run whose other stages run elsewhere, as a stage of an exported workflow runs
 * in its own process: the stage, the fan-out index of the instance (empty for a plain stage, or for
 * a fan-out stage that ends without instances), the attempt this process makes, and how every
 * upstream stage ended. {@link PipelineRunner#executeSlice} runs it through the same layers as a
 * whole run (condition, cache, output store, timeout), making exactly this one attempt.
 *
 * @param index the instance of a fan-out stage; empty for a plain stage, or to decide a fan-out
 *     stage as a whole (it is skipped, fails to give its items, or has none)
 * @param attempt this attempt's number, from 1; the attempts before it ran in other processes
 * @param upstream how each stage the slice's stage reads ended, by name
 */
public record Slice(
    String stage, Optional<Integer> index, int attempt, Map<String, Upstream> upstream) {
  public Slice {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(index, "index");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt " + attempt + " must be at least 1");
    }
    upstream = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(upstream));
  }

  /**
   * How an upstream stage ended.
   *
   * @param output its output when {@code status.hasOutput()} (for a fan-out stage the list of its
   *     instances' outputs in item order), else null
   */
  public record Upstream(StageStatus status, String reason, Object output) {
    public Upstream {
      Objects.requireNonNull(status, "status");
      reason = reason == null ? "" : reason;
    }
  }
}
