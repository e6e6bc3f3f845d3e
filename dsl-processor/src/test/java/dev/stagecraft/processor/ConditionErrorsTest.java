package dev.stagecraft.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.stagecraft.processor.ErrorAssertions.assertOnlyError;
import static dev.stagecraft.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
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
  void aPropertyOfAFanOutStageSaysItsOutputIsAList() {
    assertOnlyError(
        source(
            "ErroneousFanOutCondition",
            "import dev.stagecraft.annotations.*;",
            "import java.util.List;",
            "@Pipeline",
            "public class ErroneousFanOutCondition {",
            "  public record Model(double accuracy) {}",
            "  @Stage @ForEach(items = {\"a\", \"b\"})",
            "  public Model train(@Item String variant) { return new Model(0.9); }",
            "  @Stage",
            "  @When(\"train.accuracy > 0.8\")",
            "  public void deploy(@Input(\"train\") List<Model> models) {}",
            "}"),
        "[StagecraftInvalidCondition] @When: stage 'train' fans out (@ForEach), so its output is a list, List<Model> with one element per item, which has no property 'accuracy'; test a stage that reads the list and returns one value at column 7",
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

  @Test
  void anUnknownNameSuggestsAStage() {
    assertOnlyError(
        source(
            "ErroneousConditionName",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousConditionName {",
            "  public record Result(double confidence) {}",
            "  @Stage public Result abTest(@Param(\"rows\") @Default(\"1\") int rows) {",
            "    return new Result(0.9);",
            "  }",
            "  @Stage",
            "  @When(\"abTst.confidence > 0.8\")",
            "  public void deploy() {}",
            "}"),
        "[StagecraftInvalidCondition] @When: unknown name 'abTst' (did you mean 'abTest'?) at column 1",
        "@When(");
  }

  @Test
  void aConditionMayUseACompileTimeConstant() {
    Compilation c =
        Fixtures.compile(
            source(
                "ConstantConditionPipeline",
                "import dev.stagecraft.annotations.*;",
                "@Pipeline",
                "public class ConstantConditionPipeline {",
                "  static final double PRODUCTION_CONFIDENCE = 0.8;",
                "  public record Result(double confidence) {}",
                "  @Stage public Result abTest() { return new Result(0.9); }",
                "  @Stage",
                "  @When(\"abTest.confidence > \" + PRODUCTION_CONFIDENCE)",
                "  public void deploy() {}",
                "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(Fixtures.generated(c, "test.StagecraftConstantConditionPipeline"))
        .contains("\"abTest.confidence > 0.8\"");
  }

  @Test
  void anErrorInAConditionBuiltFromAConstantPointsAtIt() {
    assertOnlyError(
        source(
            "ErroneousConstantCondition",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousConstantCondition {",
            "  static final String LIMIT = \"'high'\";",
            "  public record Result(double confidence) {}",
            "  @Stage public Result abTest() { return new Result(0.9); }",
            "  @Stage",
            "  @When(\"abTest.confidence > \" + LIMIT)",
            "  public void deploy() {}",
            "}"),
        "[StagecraftInvalidCondition] @When: '>' compares numbers only, but 'high' is String at column 19",
        "@When(");
  }
}
