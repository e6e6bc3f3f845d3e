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

  @Test
  void aProfileValueThatIsNotOneOfTheFactsValuesIsReportedWithASuggestion() {
    assertOnlyError(
        source(
            "ProfileTypo",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ProfileTypo {",
            "  @Stage(type = StageType.VALIDATION)",
            "  @When(\"profile.environment != 'prodution'\")",
            "  public void dataQuality() {}",
            "}"),
        "[StagecraftInvalidCondition] @When: profile.environment has no value 'prodution' (did you mean 'production'?) at column 24",
        "@When(");
  }

  @Test
  void anUnknownProfileFactIsReportedWithASuggestion() {
    assertOnlyError(
        source(
            "ProfileFactTypo",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ProfileFactTypo {",
            "  @Stage",
            "  @When(\"profile.datasize > 1e9\")",
            "  public void big() {}",
            "}"),
        "[StagecraftInvalidCondition] @When: unknown profile fact 'datasize' (did you mean 'data_size'?) at column 9",
        "@When(");
  }

  @Test
  void aParameterNamedProfileCannotBeReadAsTheProfile() {
    assertOnlyError(
        source(
            "ProfileParam",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ProfileParam {",
            "  @Stage",
            "  @When(\"profile.environment == 'dev'\")",
            "  public void check(@Param(\"profile\") @Default(\"x\") String profile) {}",
            "}"),
        "[StagecraftInvalidCondition] @When: 'profile' is both a @Param and the run's profile: rename the @Param at column 1",
        "@When(");
  }
}
