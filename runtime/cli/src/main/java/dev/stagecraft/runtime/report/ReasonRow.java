package dev.stagecraft.runtime.report;

import dev.stagecraft.runtime.engine.StageExecution;

/**
 * A row of the failures and skips: an execution that recorded why it failed or did not run.
 *
 * @param reason the recorded reason, never empty
 */
record ReasonRow(String instance, StatusView status, String reason) {
  static ReasonRow of(StageExecution e) {
    return new ReasonRow(e.instance(), StatusView.of(e.status().name()), e.reason());
  }
}
