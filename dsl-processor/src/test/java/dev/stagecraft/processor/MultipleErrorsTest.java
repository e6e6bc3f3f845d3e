package dev.stagecraft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.stagecraft.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class MultipleErrorsTest {
  @Test
  void everyErrorOfAFileIsReported() {
    JavaFileObject src =
        source(
            "ErroneousMany",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline",
            "public class ErroneousMany {",
            "  @Stage(retries = -2) public int a(@Param(\"n\") @Default(\"x\") int n) { return n; }",
            "  @Stage @DependsOn(\"aa\") public int b(String loose) { return 1; }",
            "  @Stage @Resources(memory = \"16GB\") public int c(@Input(\"a\") String s) { return 1; }",
            "}");
    Compilation c = Fixtures.compileLenient(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(6);
    assertThat(c)
        .hadErrorContaining("[StagecraftNegativeRetries]")
        .inFile(src)
        .onLineContaining("retries = -2");
    assertThat(c)
        .hadErrorContaining("[StagecraftInvalidDefault]")
        .inFile(src)
        .onLineContaining("@Default(\"x\")");
    assertThat(c)
        .hadErrorContaining(
            "[StagecraftUnknownStage] stage 'b' depends on unknown stage 'aa' (did you mean 'a'?)")
        .inFile(src)
        .onLineContaining("@DependsOn(\"aa\")");
    assertThat(c)
        .hadErrorContaining("[StagecraftUnannotatedParameter]")
        .inFile(src)
        .onLineContaining("String loose");
    assertThat(c)
        .hadErrorContaining("[StagecraftInvalidResources]")
        .inFile(src)
        .onLineContaining("16GB");
    assertThat(c)
        .hadErrorContaining(
            "[StagecraftInputTypeMismatch] @Input(\"a\") expects String but stage 'a' returns int")
        .inFile(src)
        .onLineContaining("String s");
  }

  @Test
  void errorsOfSeveralPipelinesAreAllReported() {
    JavaFileObject bad1 =
        source(
            "ErroneousOne",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline public class ErroneousOne { @Stage @DependsOn(\"x\") public int a() { return 1; } }");
    JavaFileObject bad2 =
        source(
            "ErroneousTwo",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline public class ErroneousTwo { @Stage(timeout = \"soon\") public int a() { return 1; } }");
    JavaFileObject good =
        source(
            "GoodPipeline",
            "import dev.stagecraft.annotations.*;",
            "@Pipeline public class GoodPipeline { @Stage public int a() { return 1; } }");
    Compilation c = Fixtures.compileLenient(bad1, bad2, good);
    assertThat(c).hadErrorCount(2);
    assertThat(c)
        .hadErrorContaining("[StagecraftUnknownStage]")
        .inFile(bad1)
        .onLineContaining("@DependsOn");
    assertThat(c)
        .hadErrorContaining("[StagecraftInvalidDuration]")
        .inFile(bad2)
        .onLineContaining("soon");
  }
}
