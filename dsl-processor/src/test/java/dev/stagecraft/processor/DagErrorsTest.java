package dev.stagecraft.processor;

import static dev.stagecraft.processor.ErrorAssertions.assertOnlyError;
import static dev.stagecraft.processor.Fixtures.source;

import org.junit.jupiter.api.Test;

class DagErrorsTest {
  @Test
  void unknownDependsOnWithSuggestion() {
    assertOnlyError(
        source(
            "ErroneousUnknownStage",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousUnknownStage {",
            "  @Stage public int preprocess() { return 1; }",
            "  @Stage",
            "  @DependsOn(\"preproces\")",
            "  public int train() { return 2; }",
            "}"),
        "[StagecraftUnknownStage] stage 'train' depends on unknown stage 'preproces' (did you mean 'preprocess'?)",
        "@DependsOn(\"preproces\")");
  }

  @Test
  void unknownInputWithoutSuggestion() {
    assertOnlyError(
        source(
            "ErroneousUnknownInput",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousUnknownInput {",
            "  @Stage public int preprocess() { return 1; }",
            "  @Stage public int train(",
            "      @Input(\"somethingElse\") int data) { return data; }",
            "}"),
        "[StagecraftUnknownStage] stage 'train' has @Input from unknown stage 'somethingElse'",
        "somethingElse");
  }

  @Test
  void selfDependency() {
    assertOnlyError(
        source(
            "ErroneousSelf",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousSelf {",
            "  @Stage",
            "  @DependsOn(\"loop\")",
            "  public int loop() { return 1; }",
            "}"),
        "[StagecraftSelfDependency] stage 'loop' depends on itself through @DependsOn(\"loop\"); remove the reference",
        "@DependsOn(\"loop\")");
  }

  @Test
  void cycleReportedOnceFromEarliestStage() {
    assertOnlyError(
        source(
            "ErroneousCycle",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousCycle {",
            "  @Stage public int evaluate(@Input(\"train\") int model) { return model; }",
            "  @Stage public int tune(@Input(\"evaluate\") int score) { return score; }",
            "  @Stage public int train(@Input(\"tune\") int params) { return params; }",
            "  @Stage public int report(@Input(\"train\") int model) { return model; }",
            "}"),
        "[StagecraftDependencyCycle] dependency cycle: evaluate -> tune -> train -> evaluate",
        "public int evaluate(");
  }

  @Test
  void cycleThroughDependsOnIsTheSameWhateverTheDeclarationOrder() {
    assertOnlyError(
        source(
            "ErroneousCycle2",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousCycle2 {",
            "  @Stage @DependsOn(\"tune\") public void train() {}",
            "  @Stage @DependsOn(\"train\") public void evaluate() {}",
            "  @Stage @DependsOn(\"evaluate\") public void tune() {}",
            "}"),
        "[StagecraftDependencyCycle] dependency cycle: train -> evaluate -> tune -> train",
        "@DependsOn(\"tune\")");
  }

  @Test
  void cycleThroughCondition() {
    assertOnlyError(
        source(
            "ErroneousConditionCycle",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousConditionCycle {",
            "  @Stage @When(\"check > 1\") public int gate() { return 1; }",
            "  @Stage public int check(@Input(\"gate\") int g) { return g; }",
            "}"),
        "[StagecraftDependencyCycle] dependency cycle: gate -> check -> gate",
        "@When(\"check > 1\")");
  }

  @Test
  void aBadDependsOnClosingTwoCyclesIsOneError() {
    assertOnlyError(
        source(
            "ErroneousTwoCycles",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousTwoCycles {",
            "  @Stage @DependsOn(\"c\") public void a() {}",
            "  @Stage @DependsOn(\"a\") public void b() {}",
            "  @Stage @DependsOn({\"b\", \"a\"}) public void c() {}",
            "}"),
        "[StagecraftDependencyCycle] dependency cycle: a -> c -> a",
        "public void a()");
  }
}
