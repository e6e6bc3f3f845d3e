package dev.stagecraft.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import org.junit.jupiter.api.Test;

/**
 * A pipeline past one nested stages class (more than 1,000 stages) compiles, and its generated code
 * keeps stages in chunked methods instead of one huge method. Speed is measured by {@code
 * benchmarks/run processor}, not here.
 */
class LargePipelineTest {
  private static final int STAGES = 1_150;

  @Test
  void compilesWithChunkedStages() {
    StringBuilder src =
        new StringBuilder(
            "package big;\nimport dev.stagecraft.annotations.*;\n"
                + "@Pipeline public class BigPipeline {\n");
    for (int i = 0; i < STAGES; i++) {
      src.append("  @Stage public long s").append(i).append("(");
      if (i > 0) {
        src.append("@Input(\"s").append(i - 1).append("\") long up");
      }
      src.append(") { return ").append(i > 0 ? "up + 1" : "0").append("; }\n");
    }
    src.append("}\n");
    Compilation c =
        Fixtures.compile(JavaFileObjects.forSourceString("big.BigPipeline", src.toString()));
    assertThat(c).succeededWithoutWarnings();
    String generated = Fixtures.generated(c, "big.StagecraftBigPipeline");
    assertThat(generated).contains("private static final class StagesPart0 {");
    assertThat(generated).contains("private static final class StagesPart1 {");
    assertThat(generated)
        .contains(
            "private static void addStages11(PipelineDefinition.Builder def, Instance pipeline) {");
    assertThat(generated)
        .contains("private static final class StageBodies11 implements StageBody {");
    assertThat(generated).doesNotContain("addStages12(");
  }
}
