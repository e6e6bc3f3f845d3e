package dev.stagecraft.processor;

import static dev.stagecraft.processor.ErrorAssertions.assertOnlyError;
import static dev.stagecraft.processor.Fixtures.source;

import org.junit.jupiter.api.Test;

/** How the processor reports condition errors; the language itself is tested with its compiler. */
class ConditionErrorsTest {
  @Test
  void unknownPropertyIsReportedOnTheConditionWithItsColumn() {
    assertOnlyError(
        source(
            "ErroneousCondition",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousCondition {",
            "  public record AbTestResult(double confidence) {}",
            "  @Stage public AbTestResult abTest() { return new AbTestResult(0.9); }",
            "  @Stage",
            "  @When(\"abTest.confidense > 0.8\")",
            "  public void deploy() {}",
            "}"),
        "[StagecraftInvalidCondition] @When: unknown property 'confidense' of AbTestResult (did you mean 'confidence'?) at column 8",
        "@When(");
  }
}
