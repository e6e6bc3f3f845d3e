package dev.stagecraft.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;

/**
 * Compiles an erroneous fixture and asserts its only error, or a fixture that compiles with a
 * warning and asserts that only warning: message, file and line.
 */
final class ErrorAssertions {
  private ErrorAssertions() {}

  static void assertOnlyError(JavaFileObject source, String message, String lineContaining) {
    Compilation c = Fixtures.compileLenient(source);
    assertThat(c).failed();
    assertWithMessage("errors: %s", c.errors()).that(c.errors()).hasSize(1);
    assertThat(c).hadErrorContaining(message).inFile(source).onLineContaining(lineContaining);
  }

  static void assertOnlyWarning(JavaFileObject source, String message, String lineContaining) {
    Compilation c = Fixtures.compileLenient(source);
    assertThat(c).succeeded();
    assertWithMessage("warnings: %s", c.warnings()).that(c.warnings()).hasSize(1);
    assertThat(c).hadWarningContaining(message).inFile(source).onLineContaining(lineContaining);
  }
}
