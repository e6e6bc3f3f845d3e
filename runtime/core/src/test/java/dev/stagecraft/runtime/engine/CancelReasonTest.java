package dev.stagecraft.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The reason a cancelled stage gives, as a plain value. */
class CancelReasonTest {
  @Test
  void namesTheInterruptOrTheStageThatFailedFast() {
    assertEquals("cancelled: the run was interrupted", CancelReason.INTERRUPTED);
    assertEquals(
        "cancelled: stage 'train[1]' failed (--fail-fast)", CancelReason.failFast("train[1]"));
  }
}
