package dev.stagecraft.runtime.plan;

import java.util.Objects;

/**
 * What a stage is predicted to take, and how sure the prediction is.
 *
 * @param confidence from 0 (no history: the defaults) to 1
 * @param basis how the prediction was made, for a person
 */
public record Prediction(
    double durationSeconds, double cpuCores, long memoryBytes, double confidence, String basis) {
  /** Without history: 300 s on 1 core with 2048 MiB, confidence 0. */
  public static final Prediction NO_HISTORY =
      new Prediction(300, 1, 2048L << 20, 0, "no history: the defaults of 300 s, 1 core, 2048 MiB");

  public Prediction {
    Objects.requireNonNull(basis, "basis");
  }
}
