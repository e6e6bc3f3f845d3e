package dev.stagecraft.runtime.engine;

/**
 * How one execution ended: the wrapped call into user code, or the engine deciding for it (a false
 * condition, a timeout, a cancel). Once an execution is final its result is one of these.
 *
 * @param save whether the output store should save the output for this run: a fresh output, or one
 *     reused from an earlier run (so that resuming this run finds it too)
 * @param inputError for a FAILED execution whose exception was (or was caused by) a {@code
 *     UserInputException}: its message; null otherwise
 */
record CallResult(
    StageStatus status, String reason, Object output, boolean save, String inputError) {
  static CallResult succeeded(Object output) {
    return new CallResult(StageStatus.SUCCEEDED, "", output, true, null);
  }

  static CallResult cached(Object output) {
    return new CallResult(StageStatus.CACHED, "", output, false, null);
  }

  static CallResult reused(Object output, String runId) {
    return new CallResult(StageStatus.CACHED, "reused from run " + runId, output, true, null);
  }

  static CallResult failed(String reason) {
    return failed(reason, null);
  }

  /** Failed on bad input: {@code inputError} is the {@code UserInputException}'s message. */
  static CallResult failed(String reason, String inputError) {
    return new CallResult(StageStatus.FAILED, reason, null, false, inputError);
  }

  /** The stage's condition was false: the body never ran. */
  static CallResult skipped(String reason) {
    return new CallResult(StageStatus.SKIPPED, reason, null, false, null);
  }

  /** The run cancelled the execution (fail-fast, or the caller interrupted the run). */
  static CallResult cancelled(String reason) {
    return new CallResult(StageStatus.CANCELLED, reason, null, false, null);
  }
}
