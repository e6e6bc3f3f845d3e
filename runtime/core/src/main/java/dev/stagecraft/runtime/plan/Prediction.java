package dev.stagecraft.runtime.plan;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a stage is predicted to take, and how sure the prediction is.
 *
 * @param durationSeconds wall time; for a fan-out stage its longest instance
 * @param cpuCores the cores it keeps busy: CPU time over wall time
 * @param memoryBytes the memory it uses; empty when the history measured none
 * @param confidence from 0 (no history: the defaults) to 1
 * @param basis how the prediction was made, for a person
 * @param source where the prediction comes from
 * @param instanceSeconds a fan-out stage's duration per instance index, when the history has them
 *     (as many as its latest run had instances); empty otherwise
 * @param outputBytes the bytes its outputs take in the store per run
 */
public record Prediction(
    double durationSeconds,
    double cpuCores,
    OptionalLong memoryBytes,
    double confidence,
    String basis,
    Source source,
    List<Double> instanceSeconds,
    long outputBytes) {

  /** The defaults without history: 300 s on 1 core with 2048 MiB. */
  public static final String DEFAULTS = "the defaults of 300 s, 1 core, 2048 MiB";

  /** Without history: 300 s on 1 core with 2048 MiB, confidence 0. */
  public static final Prediction NO_HISTORY = defaults("no history: " + DEFAULTS);

  /** Where a prediction comes from. */
  public enum Source {
    /** No usable history: the defaults, confidence 0. */
    DEFAULTS,
    /** The median of recent successful executions. */
    MEDIAN,
    /** A model of duration against the run's {@code data_size}, fitted on the history. */
    SIZE_MODEL,
    /** The stage was skipped (its condition was false) in most recent runs: it takes no time. */
    SKIPPED,
    /** The plan excludes the stage: it takes no time. */
    EXCLUDED
  }

  /** An excluded stage: it ends at the start without running. */
  public static final Prediction EXCLUDED =
      new Prediction(
          0, 0, OptionalLong.of(0), 1, "excluded by the plan", Source.EXCLUDED, List.of(), 0);

  public Prediction {
    Objects.requireNonNull(memoryBytes, "memoryBytes");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(source, "source");
    instanceSeconds = List.copyOf(instanceSeconds);
  }

  /** The defaults (300 s, 1 core, 2048 MiB) with confidence 0, saying {@code why}. */
  public static Prediction defaults(String why) {
    return new Prediction(
        300, 1, OptionalLong.of(2048L << 20), 0, why, Source.DEFAULTS, List.of(), 0);
  }

  /** Whether cpu and memory are the stage's observed use, which right-sizing starts from. */
  public boolean observed() {
    return source == Source.MEDIAN || source == Source.SIZE_MODEL;
  }

  /** The duration of instance {@code k} of a fan-out stage: its own, else the stage's. */
  public double instanceSeconds(int k) {
    return k < instanceSeconds.size() ? instanceSeconds.get(k) : durationSeconds;
  }
}
