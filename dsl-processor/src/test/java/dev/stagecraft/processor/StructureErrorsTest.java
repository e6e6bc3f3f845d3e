package dev.stagecraft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.stagecraft.processor.ErrorAssertions.assertOnlyError;
import static dev.stagecraft.processor.ErrorAssertions.assertOnlyWarning;
import static dev.stagecraft.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

class StructureErrorsTest {
  @Test
  void privatePipelineClass() {
    assertOnlyError(
        source(
            "ErroneousPrivate",
            "import dev.stagecraft.annotations.*;",
            "public class ErroneousPrivate {",
            "  @Pipeline",
            "  private static class Inner {",
            "    @Stage public int a() { return 1; }",
            "  }",
            "}"),
        "[StagecraftPipelinePrivate] @Pipeline class test.ErroneousPrivate.Inner is private; make it package-private or public",
        "@Pipeline");
  }

  @Test
  void innerPipelineClass() {
    assertOnlyError(
        source(
            "ErroneousInner",
            "import dev.stagecraft.annotations.*;",
            "public class ErroneousInner {",
            "  @Pipeline",
            "  public class Inner {",
            "    @Stage public int a() { return 1; }",
            "  }",
            "}"),
        "[StagecraftPipelineInner] @Pipeline class test.ErroneousInner.Inner is a non-static inner class; declare it static or top-level",
        "@Pipeline");
  }

  @Test
  void pipelineWithoutStages() {
    assertOnlyError(
        source(
            "ErroneousEmptyPipeline",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousEmptyPipeline {",
            "  public int a() { return 1; }",
            "}"),
        "[StagecraftPipelineNoStages] @Pipeline class test.ErroneousEmptyPipeline has no @Stage methods",
        "@Pipeline");
  }

  @Test
  void pipelineInterface() {
    assertOnlyError(
        source(
            "ErroneousInterfacePipeline",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public interface ErroneousInterfacePipeline {",
            "  @Stage default int a() { return 1; }",
            "}"),
        "[StagecraftPipelineNotAClass] @Pipeline test.ErroneousInterfacePipeline must be a class, not an interface",
        "@Pipeline");
  }

  @Test
  void genericPipeline() {
    assertOnlyError(
        source(
            "ErroneousGenericPipeline",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousGenericPipeline<T> {",
            "  @Stage public int a() { return 1; }",
            "}"),
        "[StagecraftPipelineGeneric] @Pipeline class test.ErroneousGenericPipeline is generic",
        "@Pipeline");
  }

  @Test
  void stageOutsidePipeline() {
    assertOnlyError(
        source(
            "ErroneousStray",
            "import dev.stagecraft.annotations.*;",
            "public class ErroneousStray {",
            "  @Stage public int stray() { return 1; }",
            "}"),
        "[StagecraftStageOutsidePipeline] @Stage method stray is in test.ErroneousStray, which is not a @Pipeline class",
        "stray()");
  }

  @Test
  void privateStage() {
    assertOnlyError(
        source(
            "ErroneousPrivateStage",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousPrivateStage {",
            "  @Stage private int hidden() { return 1; }",
            "}"),
        "[StagecraftStagePrivate] @Stage method hidden is private; make it package-private, protected or public",
        "hidden()");
  }

  @Test
  void abstractStage() {
    assertOnlyError(
        source(
            "ErroneousAbstractStage",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public abstract class ErroneousAbstractStage {",
            "  @Stage public abstract int todo();",
            "}"),
        "[StagecraftStageAbstract] @Stage method todo is abstract; give it a body",
        "todo()");
  }

  @Test
  void genericStage() {
    assertOnlyError(
        source(
            "ErroneousGenericStage",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousGenericStage {",
            "  @Stage public <T> T any() { return null; }",
            "}"),
        "[StagecraftStageGeneric] @Stage method any declares type parameters; stage types must be concrete",
        "any()");
  }

  @Test
  void duplicateStageNames() {
    assertOnlyError(
        source(
            "ErroneousDuplicate",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousDuplicate {",
            "  @Stage public int train() { return 1; }",
            "  @Stage(name = \"train\") public int trainAgain() { return 2; }",
            "}"),
        "[StagecraftDuplicateStage] pipeline 'erroneous-duplicate' has two stages named 'train' (methods train() and trainAgain()); rename one with @Stage(name = ...)",
        "trainAgain()");
  }

  @Test
  void emptyStageName() {
    assertOnlyError(
        source(
            "ErroneousEmptyName",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousEmptyName {",
            "  @Stage(name = \"\") public int nameless() { return 1; }",
            "}"),
        "[StagecraftInvalidStageName] @Stage name \"\" is not a valid stage name: it is empty; use letters, digits, '_' and '-', starting with a letter",
        "nameless()");
  }

  @Test
  void negativeRetries() {
    assertOnlyError(
        source(
            "ErroneousRetries",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousRetries {",
            "  @Stage(retries = -1)",
            "  public int a() { return 1; }",
            "}"),
        "[StagecraftNegativeRetries] @Stage retries -1 must not be negative",
        "retries = -1");
  }

  @Test
  void timeoutNotIso() {
    assertOnlyError(
        source(
            "ErroneousTimeout",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousTimeout {",
            "  @Stage(timeout = \"5 minutes\")",
            "  public int a() { return 1; }",
            "}"),
        "[StagecraftInvalidDuration] @Stage timeout \"5 minutes\" is not an ISO-8601 duration (use e.g. PT30S, PT5M, PT1H)",
        "5 minutes");
  }

  @Test
  void backoffNotIso() {
    assertOnlyError(
        source(
            "ErroneousBackoff",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousBackoff {",
            "  @Stage(retries = 2,",
            "      backoff = \"1s\")",
            "  public int a() { return 1; }",
            "}"),
        "[StagecraftInvalidDuration] @Stage backoff \"1s\" is not an ISO-8601 duration",
        "backoff = \"1s\"");
  }

  @Test
  void zeroTimeout() {
    assertOnlyError(
        source(
            "ErroneousZeroTimeout",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousZeroTimeout {",
            "  @Stage(timeout = \"PT0S\")",
            "  public int a() { return 1; }",
            "}"),
        "[StagecraftNonPositiveDuration] @Stage timeout \"PT0S\" must be positive",
        "PT0S");
  }

  @Test
  void cpuNotAQuantity() {
    assertOnlyError(
        source(
            "ErroneousCpu",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousCpu {",
            "  @Stage",
            "  @Resources(cpu = \"two\")",
            "  public int a() { return 1; }",
            "}"),
        "[StagecraftInvalidResources] @Resources cpu \"two\" is not a Kubernetes quantity",
        "cpu = \"two\"");
  }

  @Test
  void memoryNotAQuantity() {
    assertOnlyError(
        source(
            "ErroneousMemory",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "@Resources(memory = \"16GB\")",
            "public class ErroneousMemory {",
            "  @Stage public int a() { return 1; }",
            "}"),
        "[StagecraftInvalidResources] @Resources memory \"16GB\" is not a Kubernetes quantity (use 16Gi or 16G)",
        "16GB");
  }

  @Test
  void negativeGpu() {
    assertOnlyError(
        source(
            "ErroneousGpu",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousGpu {",
            "  @Stage",
            "  @Resources(gpu = -1)",
            "  public int a() { return 1; }",
            "}"),
        "[StagecraftNegativeGpu] @Resources gpu -1 must not be negative",
        "gpu = -1");
  }

  @Test
  void stageNameWithCharactersANameCannotHave() {
    assertOnlyError(
        source(
            "ErroneousStageName",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousStageName {",
            "  @Stage(name = \"announce it!\") public int announce() { return 1; }",
            "}"),
        "[StagecraftInvalidStageName] @Stage name \"announce it!\" is not a valid stage name: it has ' ', '!'; use letters, digits, '_' and '-', starting with a letter",
        "announce it!");
  }

  @Test
  void duplicateStageNameIsOneErrorNamingBothMethods() {
    assertOnlyError(
        source(
            "ErroneousOverloads",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousOverloads {",
            "  @Stage public int load() { return 1; }",
            "  @Stage public int load(@Input(\"load\") int x) { return x; }",
            "  @Stage public void use(@Input(\"load\") int x) {}",
            "}"),
        "[StagecraftDuplicateStage] pipeline 'erroneous-overloads' has two stages named 'load' (methods load() and load(int)); rename one with @Stage(name = ...)",
        "load(@Input");
  }

  @Test
  void pipelineWithoutPublicNoArgumentConstructorIsAWarning() {
    assertOnlyWarning(
        source(
            "NoConstructorPipeline",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class NoConstructorPipeline {",
            "  private final int base;",
            "  public NoConstructorPipeline(int base) { this.base = base; }",
            "  @Stage public int load() { return base; }",
            "}"),
        "[StagecraftNoPublicConstructor] @Pipeline class test.NoConstructorPipeline has no public no-argument constructor, so the command line cannot create it ('stagecraft run' refuses it); add one, or run it from code with StagecraftNoConstructorPipeline.builder(pipeline)",
        "public class NoConstructorPipeline");
  }

  @Test
  void aWarningIsSuppressedByItsId() {
    Compilation c =
        Fixtures.compile(
            source(
                "QuietPipeline",
                "import dev.stagecraft.annotations.*;",
                "@Pipeline",
                "@SuppressWarnings(\"StagecraftNoPublicConstructor\")",
                "public class QuietPipeline {",
                "  QuietPipeline() {}",
                "  @Stage public int load() { return 1; }",
                "}"));
    assertThat(c).succeededWithoutWarnings();
  }
}
