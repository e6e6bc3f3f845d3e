package dev.stagecraft.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.stagecraft.processor.diagnostics.Diagnostic;
import org.junit.jupiter.api.Test;

/** An internal error carries the stack trace, so a user can report it (as AutoValue does). */
class InternalErrorTest {
  @Test
  void theMessageCarriesTheStackTrace() {
    IllegalStateException bug = new IllegalStateException("no body for stage x");
    String message = Diagnostic.internalError("test.BrokenPipeline", bug);
    assertThat(message)
        .startsWith(
            "[StagecraftInternalError] unexpected error while processing test.BrokenPipeline;"
                + " please report it with the pipeline source and this trace:");
    assertThat(message)
        .contains("java.lang.IllegalStateException: no body for stage x" + System.lineSeparator());
    assertThat(message)
        .contains(
            "at dev.stagecraft.processor.InternalErrorTest.theMessageCarriesTheStackTrace(InternalErrorTest.java");
  }
}
