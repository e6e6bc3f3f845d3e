package dev.stagecraft.processor;

import static dev.stagecraft.processor.ErrorAssertions.assertOnlyError;
import static dev.stagecraft.processor.ErrorAssertions.assertOnlyWarning;
import static dev.stagecraft.processor.Fixtures.source;

import org.junit.jupiter.api.Test;

/** Parameters declared once, in a {@code @Parameters} record: what the processor rejects. */
class DeclaredParamErrorsTest {
  @Test
  void aStageReadingADeclaredParameterAsAnotherType() {
    assertOnlyError(
        source(
            "ErroneousReadType",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousReadType {",
            "  @Parameters record Params(@Default(\"3\") int folds) {}",
            "  @Stage public long train(@Param(\"folds\") long folds) { return folds; }",
            "}"),
        "[StagecraftParamTypeConflict] @Param(\"folds\") is long here but int in @Parameters record Params (component 'folds'); declare one type",
        "long folds");
  }

  @Test
  void aStageRepeatingAnotherDefault() {
    assertOnlyError(
        source(
            "ErroneousReadDefault",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousReadDefault {",
            "  @Parameters record Params(@Default(\"3\") int folds) {}",
            "  @Stage public int train(@Param(\"folds\") @Default(\"5\") int folds) { return folds; }",
            "}"),
        "[StagecraftParamDefaultConflict] @Param(\"folds\") has @Default(\"5\") here but @Default(\"3\") in @Parameters record Params (component 'folds'); declare one default",
        "@Default(\"5\")");
  }

  @Test
  void anUndeclaredParameterWithASuggestion() {
    assertOnlyError(
        source(
            "ErroneousUndeclared",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousUndeclared {",
            "  @Parameters record Params(@Default(\"8\") int nTrials) {}",
            "  @Stage public int train(@Param(\"nTrial\") int n) { return n; }",
            "}"),
        "[StagecraftUndeclaredParam] @Param(\"nTrial\") of stage 'train' is not declared in @Parameters record Params (did you mean 'nTrials'?); add a component to Params or fix the name",
        "@Param(\"nTrial\")");
  }

  @Test
  void anUndeclaredParameterListsTheDeclaredOnes() {
    assertOnlyError(
        source(
            "ErroneousUndeclaredList",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousUndeclaredList {",
            "  @Parameters record Params(@Default(\"8\") int nTrials, @Default(\"1\") long seed) {}",
            "  @Stage public int train(",
            "      @Param(\"nTrials\") int n, @Param(\"seed\") long s, @Param(\"folds\") int f) {",
            "    return n;",
            "  }",
            "}"),
        "[StagecraftUndeclaredParam] @Param(\"folds\") of stage 'train' is not declared in @Parameters record Params (it declares: nTrials, seed); add a component to Params or fix the name",
        "@Param(\"folds\") int f");
  }

  @Test
  void aDeclaredDefaultThatDoesNotParse() {
    assertOnlyError(
        source(
            "ErroneousDeclaredDefault",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousDeclaredDefault {",
            "  @Parameters record Params(",
            "      @Default(\"three\") int folds) {}",
            "  @Stage public int train(@Param(\"folds\") int folds) { return folds; }",
            "}"),
        "[StagecraftInvalidDefault] @Default(\"three\") of @Param(\"folds\"): \"three\" is not an int",
        "@Default(\"three\")");
  }

  @Test
  void aDeclaredCheckOnATypeItCannotCheck() {
    assertOnlyError(
        source(
            "ErroneousDeclaredCheck",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousDeclaredCheck {",
            "  @Parameters record Params(",
            "      @Default(\"true\") @NotEmpty boolean enabled) {}",
            "  @Stage public int train(@Param(\"enabled\") boolean e) { return 1; }",
            "}"),
        "[StagecraftCheckNotApplicable] @NotEmpty does not apply to @Param(\"enabled\") of type boolean: it checks String, Path and List parameters",
        "@NotEmpty");
  }

  @Test
  void aDeclaredParameterNoStageReadsIsAWarning() {
    assertOnlyWarning(
        source(
            "UnreadParamPipeline",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class UnreadParamPipeline {",
            "  @Parameters record Params(",
            "      @Default(\"3\") int folds,",
            "      @Param(description = \"never read\") @Default(\"x\") String forgotten,",
            "      @Default(\"true\") boolean enabled,",
            "      @Default(\"a,b\") java.util.List<String> items) {}",
            "  @Stage public int train(@Param(\"folds\") int folds) { return folds; }",
            "  @Stage @When(\"enabled\") public void deploy() {}",
            "  @Stage @ForEach(param = \"items\") public void each(@Item String item) {}",
            "}"),
        "[StagecraftUnreadParam] parameter 'forgotten' of @Parameters record Params is read by no stage (no @Param(\"forgotten\"), @ForEach(param = \"forgotten\") or @When reads it); read it in a stage or remove it",
        "String forgotten");
  }

  @Test
  void parametersMustBeARecord() {
    assertOnlyError(
        source(
            "ErroneousParamsClass",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousParamsClass {",
            "  @Parameters static class Params {}",
            "  @Stage public int train() { return 1; }",
            "}"),
        "[StagecraftParametersNotRecord] @Parameters class Params must be a record: each of its components declares one parameter",
        "@Parameters static class Params");
  }

  @Test
  void parametersOutsideAPipeline() {
    assertOnlyError(
        source(
            "ErroneousStrayParams",
            "import dev.stagecraft.annotations.*;",
            "public class ErroneousStrayParams {",
            "  @Parameters record Params(int folds) {}",
            "}"),
        "[StagecraftParametersOutsidePipeline] @Parameters record Params is not nested in a @Pipeline class; move it into the pipeline class whose parameters it declares",
        "record Params");
  }

  @Test
  void twoParametersRecords() {
    assertOnlyError(
        source(
            "ErroneousTwoRecords",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousTwoRecords {",
            "  @Parameters record Params(@Default(\"1\") int a) {}",
            "  @Parameters record More(@Default(\"2\") int b) {}",
            "  @Stage public int train(@Param(\"a\") int a, @Param(\"b\") int b) { return a; }",
            "}"),
        "[StagecraftDuplicateParameters] @Pipeline class test.ErroneousTwoRecords has two @Parameters records, Params and More; declare every parameter in one",
        "record More");
  }

  @Test
  void aPrivateParametersRecord() {
    assertOnlyError(
        source(
            "ErroneousPrivateParams",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousPrivateParams {",
            "  @Parameters private record Params(@Default(\"1\") int a) {}",
            "  @Stage public int train(@Param(\"a\") int a) { return a; }",
            "}"),
        "[StagecraftParametersPrivate] @Parameters record Params is private; make it package-private or public so the generated class can check values with it",
        "private record Params");
  }

  @Test
  void aCanonicalConstructorInFullDropsTheAnnotations() {
    assertOnlyError(
        source(
            "ErroneousFullConstructor",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousFullConstructor {",
            "  @Parameters record Params(@Default(\"1\") int a) {",
            "    Params(int a) { this.a = a; }",
            "  }",
            "  @Stage public int train(@Param(\"a\") int a) { return a; }",
            "}"),
        "[StagecraftParametersFullConstructor] @Parameters record Params declares its canonical constructor with parameters, which drops the annotations of its components; write it as a compact constructor (Params { ... })",
        "Params(int a)");
  }
}
