package dev.stagecraft.runtime.engine;

/**
 * How the wrapped call into user code ended for one execution.
 *
 * @param save whether the output store should save the output for this run: a fresh output, or one
 *     reused from an earlier run (so that resuming this run finds it too)
 */
record CallResult(StageStatus status, String reason, Object output, boolean save) {
  static CallResult succeeded(Object output) {
    return new CallResult(StageStatus.SUCCEEDED, "", output, true);
  }

  static CallResult cached(Object output) {
    return new CallResult(StageStatus.CACHED, "", output, false);
  }

  static CallResult reused(Object output, String runId) {
    return new CallResult(StageStatus.CACHED, "reused from run " + runId, output, true);
  }

  static CallResult failed(String reason) {
    return new CallResult(StageStatus.FAILED, reason, null, false);
  }
}
