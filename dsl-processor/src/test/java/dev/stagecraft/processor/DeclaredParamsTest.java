package dev.stagecraft.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.stagecraft.annotations.syntax.ValueCheck;
import dev.stagecraft.runtime.engine.ParamException;
import dev.stagecraft.runtime.engine.ParamResolver;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.PipelineProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pipeline whose parameters are declared once in a {@code @Parameters} record: the generated
 * definition has each parameter with its type, default, description and checks in the record's
 * order; a run's values are checked before any stage, every bad one at once, then together by the
 * record's compact constructor.
 */
class DeclaredParamsTest {
  private static PipelineDefinition def;

  @BeforeAll
  static void compile() throws ReflectiveOperationException {
    Compilation c =
        Fixtures.compile(JavaFileObjects.forResource("fixtures/example/DiamondPipeline.java"));
    assertThat(c).succeededWithoutWarnings();
    def =
        ((PipelineProvider)
                new GeneratedClassLoader(c)
                    .loadClass("example.StagecraftDiamondPipeline")
                    .getConstructor()
                    .newInstance())
            .definition();
  }

  @Test
  void eachParameterIsDeclaredOnceWithEverythingTheRecordSays() {
    assertThat(def.params().stream().map(ParamSpec::name).toList())
        .containsExactly("input", "rows", "minConfidence", "publish", "slot")
        .inOrder();
    ParamSpec rows = def.param("rows").orElseThrow();
    assertThat(rows.defaultText()).hasValue("100");
    assertThat(rows.checks()).containsExactly(new ValueCheck.Range(1, 1e6, false, false));
    ParamSpec confidence = def.param("minConfidence").orElseThrow();
    assertThat(confidence.description()).isEqualTo("to publish");
    assertThat(confidence.type().displayName()).isEqualTo("double");
    assertThat(def.param("input").orElseThrow().isRequired()).isTrue();
    assertThat(def.param("slot").orElseThrow().checks())
        .containsExactly(new ValueCheck.OneOf(List.of("blue", "green")));
  }

  @Test
  void everyBadValueIsReportedAtOnce() {
    ParamException e =
        assertThrows(
            ParamException.class,
            () ->
                ParamResolver.fromText(
                    def, Map.of("input", "", "rows", "0", "minConfidence", "1", "slot", "gren")));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo(
            "parameter 'input' must not be empty; parameter 'rows' must be in [1, 1000000], not 0;"
                + " parameter 'minConfidence' must be in [0, 1), not 1.0; parameter 'slot' must"
                + " be one of blue, green, not 'gren' (did you mean 'green'?)");
  }

  @Test
  void theRecordChecksTheValuesTogether() {
    ParamException e =
        assertThrows(
            ParamException.class,
            () -> ParamResolver.fromText(def, Map.of("input", "data.csv", "rows", "5")));
    assertThat(e).hasMessageThat().isEqualTo("publishing needs 10 rows or more");
    assertThat(
            ParamResolver.fromText(
                    def, Map.of("input", "data.csv", "rows", "5", "publish", "false"))
                .values()
                .get("input"))
        .isEqualTo(Path.of("data.csv"));
    assertThat(def.paramCheck()).isNotEqualTo(Optional.empty());
  }

  @Test
  void aParamWithoutANameIsNamedAfterItsElement() throws ReflectiveOperationException {
    Compilation c =
        Fixtures.compile(
            Fixtures.source(
                "UnnamedParamPipeline",
                "import dev.stagecraft.annotations.*;",
                "@Pipeline",
                "public class UnnamedParamPipeline {",
                "  @Stage public int train(@Param @Default(\"3\") int folds) { return folds; }",
                "}"));
    assertThat(c).succeededWithoutWarnings();
    PipelineDefinition unnamed =
        ((PipelineProvider)
                new GeneratedClassLoader(c)
                    .loadClass("test.StagecraftUnnamedParamPipeline")
                    .getConstructor()
                    .newInstance())
            .definition();
    assertThat(unnamed.param("folds").orElseThrow().defaultText()).hasValue("3");
    assertThat(unnamed.stage("train").orElseThrow().params()).containsExactly("folds");
  }
}
