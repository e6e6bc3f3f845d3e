package dev.stagecraft.runtime.engine;

/** Why a run cancels the stages that have not finished, as their reason says it. */
final class CancelReason {
  /** The caller interrupted the thread waiting for the run. */
  static final String INTERRUPTED = "cancelled: the run was interrupted";

  private CancelReason() {}

  /** {@code failed} (a stage or instance name) failed and the run fails fast. */
  static String failFast(String failed) {
    return "cancelled: stage '" + failed + "' failed (--fail-fast)";
  }
}
