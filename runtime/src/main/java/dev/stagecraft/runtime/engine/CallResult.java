package dev.stagecraft.runtime.engine;

/** How the wrapped call into user code ended for one execution. */
record CallResult(StageStatus status, String reason, Object output) {
  static CallResult succeeded(Object output) {
    return new CallResult(StageStatus.SUCCEEDED, "", output);
  }

  static CallResult cached(Object output, String reason) {
    return new CallResult(StageStatus.CACHED, reason, output);
  }

  static CallResult failed(String reason) {
    return new CallResult(StageStatus.FAILED, reason, null);
  }
}
