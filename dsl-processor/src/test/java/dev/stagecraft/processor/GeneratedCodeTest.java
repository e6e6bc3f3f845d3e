package dev.stagecraft.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.stagecraft.annotations.Resources;
import dev.stagecraft.annotations.Stage;
import dev.stagecraft.annotations.StageType;
import dev.stagecraft.runtime.StageContext;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.PipelineProvider;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.RetryPolicy;
import dev.stagecraft.runtime.graph.StageCall;
import dev.stagecraft.runtime.graph.StageSpec;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated code compiles without warnings for a pipeline using every feature, and the
 * definition it builds is the pipeline as written: loaded from the compilation's class files and
 * exercised through the runtime's graph model.
 */
class GeneratedCodeTest {
  private static ClassLoader loader;

  @BeforeAll
  static void compile() {
    Compilation c =
        Fixtures.compile(JavaFileObjects.forResource("fixtures/test/EverythingPipeline.java"));
    assertThat(c).succeededWithoutWarnings();
    loader = new GeneratedClassLoader(c);
  }

  private static PipelineDefinition definition(String provider)
      throws ReflectiveOperationException {
    return ((PipelineProvider) loader.loadClass(provider).getConstructor().newInstance())
        .definition();
  }

  @Test
  void parametersHaveTheirTypesAndDefaults() throws Exception {
    PipelineDefinition def = definition("test.StagecraftEverythingPipeline");
    assertThat(def.name()).isEqualTo("everything");
    Map<String, String> types =
        def.params().stream()
            .collect(
                Collectors.toMap(
                    ParamSpec::name, p -> p.type().displayName(), (a, b) -> a, LinkedHashMap::new));
    assertThat(types)
        .containsExactly(
            "text",
            "String",
            "flag",
            "boolean",
            "b",
            "byte",
            "s",
            "short",
            "i",
            "int",
            "l",
            "long",
            "f",
            "float",
            "d",
            "double",
            "c",
            "char",
            "boxedFlag",
            "Boolean",
            "boxedByte",
            "Byte",
            "boxedShort",
            "Short",
            "boxedInt",
            "Integer",
            "boxedLong",
            "Long",
            "boxedFloat",
            "Float",
            "boxedDouble",
            "Double",
            "boxedChar",
            "Character",
            "path",
            "Path",
            "timeout",
            "Duration",
            "env",
            "Env",
            "names",
            "List<String>",
            "sizes",
            "List<Integer>",
            "envs",
            "List<Env>")
        .inOrder();
    ParamSpec env = def.param("env").orElseThrow();
    assertThat(env.defaultText()).hasValue("dev");
    assertThat(env.type().parse("dev").toString()).isEqualTo("DEV");
    assertThat(def.param("envs").orElseThrow().type().parse("DEV, STAGING").toString())
        .isEqualTo("[DEV, STAGING]");
    assertThat(def.param("timeout").orElseThrow().type().parse("PT5M"))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(def.param("boxedInt").orElseThrow().isRequired()).isTrue();
  }

  @Test
  void stagesHaveTheirShape() throws Exception {
    PipelineDefinition def = definition("test.StagecraftEverythingPipeline");
    assertThat(def.stages().stream().map(StageSpec::name).toList())
        .containsExactly(
            "scalars",
            "boxes",
            "others",
            "literal",
            "square",
            "length",
            "summarize",
            "run-id",
            "publish")
        .inOrder();
    StageSpec summarize = def.stage("summarize").orElseThrow();
    assertThat(summarize.outputType()).isEqualTo("Summary");
    assertThat(summarize.inputs())
        .containsExactly(
            InputSpec.of("scalars"),
            InputSpec.of("square"),
            InputSpec.optionalOf("literal"),
            InputSpec.optionalOf("boxes"))
        .inOrder();
    assertThat(summarize.condition().orElseThrow().source())
        .isEqualTo("env == 'PRODUCTION' || flag");
    assertThat(summarize.paramsUsed()).containsExactly("env", "flag");
    assertThat(def.stage("literal").orElseThrow().fanOut())
        .hasValue(new FanOut.Items(List.of("x", "y")));
    assertThat(def.stage("literal").orElseThrow().outputType()).isEqualTo("List<String>");
    assertThat(def.stage("square").orElseThrow().fanOut()).hasValue(new FanOut.FromParam("sizes"));
    assertThat(def.stage("square").orElseThrow().outputType()).isEqualTo("List<Integer>");
    assertThat(def.stage("length").orElseThrow().fanOut()).hasValue(new FanOut.FromInput("others"));
    assertThat(def.stage("length").orElseThrow().upstream()).containsExactly("others");
    assertThat(def.stage("publish").orElseThrow().outputType()).isEqualTo("void");
    assertThat(def.stage("publish").orElseThrow().upstream()).containsExactly("summarize");
  }

  @Test
  void aStageThatSetsNothingHasTheAnnotationsDefaults() throws Exception {
    StageSpec plain =
        definition("test.StagecraftEverythingPipeline").stage("scalars").orElseThrow();
    assertThat(plain.type()).isEqualTo(Stage.DEFAULT_TYPE);
    assertThat(plain.retry())
        .isEqualTo(new RetryPolicy(Stage.DEFAULT_RETRIES, Duration.parse(Stage.DEFAULT_BACKOFF)));
    assertThat(plain.cache()).isEqualTo(Stage.DEFAULT_CACHE);
    assertThat(plain.version()).isEqualTo(Stage.DEFAULT_VERSION);
    assertThat(plain.resources())
        .isEqualTo(
            ResourceRequest.parse(
                Resources.DEFAULT_CPU, Resources.DEFAULT_MEMORY, Resources.DEFAULT_GPU));
  }

  @Test
  void whatAStageSetsOverridesTheClassWhichOverridesTheDefaults() throws Exception {
    PipelineDefinition def = definition("test.StagecraftEverythingPipeline_Resourced");
    ResourceRequest defaults = ResourceRequest.DEFAULT;
    long twoGi = 2L << 30;
    StageSpec plain = def.stage("plain").orElseThrow();
    assertThat(plain.resources()).isEqualTo(defaults.withMemoryBytes(twoGi));
    assertThat(plain.retry()).isEqualTo(RetryPolicy.NONE);
    StageSpec some = def.stage("someSet").orElseThrow();
    assertThat(some.resources()).isEqualTo(new ResourceRequest(500, twoGi, defaults.gpu()));
    assertThat(some.retry()).isEqualTo(new RetryPolicy(3, RetryPolicy.NONE.backoff()));
    assertThat(some.cache()).isFalse();
    StageSpec all = def.stage("allSet").orElseThrow();
    assertThat(all.type()).isEqualTo(StageType.TRAINING);
    assertThat(all.resources()).isEqualTo(new ResourceRequest(2000, 4L << 30, 1));
    assertThat(all.retry()).isEqualTo(new RetryPolicy(2, Duration.ofSeconds(5)));
    assertThat(all.cache()).isTrue();
    assertThat(all.version()).isEqualTo("2");
  }

  @Test
  void bodiesCallTheStageMethodsWithTypedValues() throws Exception {
    PipelineDefinition def = definition("test.StagecraftEverythingPipeline");
    Map<String, Object> params = new HashMap<>();
    for (ParamSpec p : def.params()) {
      p.defaultText().ifPresent(t -> params.put(p.name(), p.type().parse(t)));
    }
    params.put("boxedInt", 3);
    assertThat(run(def, "scalars", params, Map.of(), null)).isEqualTo("hellotrue12345.51.0E9x");
    assertThat(run(def, "boxes", params, Map.of(), null)).isEqualTo("false12345.06.0y");
    assertThat(run(def, "others", params, Map.of(), null))
        .isEqualTo(List.of("data/in.csv", "PT5M", "DEV", "8"));
    assertThat(run(def, "literal", params, Map.of(), "x")).isEqualTo("X");
    assertThat(run(def, "square", params, Map.of(), 7)).isEqualTo(49);
    assertThat(run(def, "length", params, Map.of(), "abcd")).isEqualTo(4);
    Object summary =
        run(
            def,
            "summarize",
            params,
            Map.of("scalars", "s", "square", List.of(1, 4), "boxes", "b"),
            null);
    assertThat(summary.toString()).isEqualTo("Summary[text=s, count=2]");
    assertThat(run(def, "run-id", params, Map.of("length", List.of(1, 2, 3)), null)).isEqualTo(3);
    assertThat(run(def, "publish", params, Map.of("summarize", summary), null)).isNull();
  }

  @Test
  void pipelineWithoutNoArgConstructorRunsOnlyFromAnInstance() throws Exception {
    Class<?> generated = loader.loadClass("test.StagecraftEverythingPipeline_NoDefaultConstructor");
    PipelineProvider provider = (PipelineProvider) generated.getConstructor().newInstance();
    String reason =
        "pipeline 'no-default-constructor' cannot run from the command line: its class"
            + " test.EverythingPipeline.NoDefaultConstructor has no public no-argument constructor"
            + " to create it with; add one, or run it from code with"
            + " StagecraftEverythingPipeline_NoDefaultConstructor.builder(new"
            + " NoDefaultConstructor(...))";
    assertThat(provider.notRunnableReason()).hasValue(reason);
    PipelineDefinition described = provider.definition();
    assertThat(described.stages().get(0).name()).isEqualTo("greet");
    assertThat(
            assertThrows(
                    IllegalStateException.class,
                    () -> run(described, "greet", Map.of("name", "ann"), Map.of(), null))
                .getMessage())
        .isEqualTo(reason);
    Class<?> pipelineClass = loader.loadClass("test.EverythingPipeline$NoDefaultConstructor");
    Object pipeline = pipelineClass.getConstructor(String.class).newInstance("hi ");
    PipelineDefinition def =
        (PipelineDefinition)
            generated
                .getMethod("definition", java.util.function.Supplier.class)
                .invoke(null, (java.util.function.Supplier<Object>) () -> pipeline);
    assertThat(run(def, "greet", Map.of("name", "ann"), Map.of(), null)).isEqualTo("hi ann");
    assertThat(generated.getMethod("builder", pipelineClass)).isNotNull();
    assertThrows(NoSuchMethodException.class, () -> generated.getMethod("builder"));
  }

  @Test
  void builderRejectsAMissingRequiredParameter() throws Exception {
    Class<?> generated = loader.loadClass("test.StagecraftEverythingPipeline");
    Object builder = generated.getMethod("builder").invoke(null);
    InvocationTargetException e =
        assertThrows(
            InvocationTargetException.class,
            () -> builder.getClass().getMethod("run").invoke(builder));
    assertThat(e.getCause())
        .hasMessageThat()
        .isEqualTo(
            "required parameter 'boxedInt' (Integer) is not set: call boxedInt(...) before run()");
  }

  @Test
  void resultHasOneTypedAccessorPerStageOutput() throws Exception {
    Class<?> result = loader.loadClass("test.StagecraftEverythingPipeline$Result");
    assertThat(result.getMethod("literal").getGenericReturnType().getTypeName())
        .isEqualTo("java.util.List<java.lang.String>");
    assertThat(result.getMethod("square").getGenericReturnType().getTypeName())
        .isEqualTo("java.util.List<java.lang.Integer>");
    assertThat(result.getMethod("summarize").getReturnType().getName())
        .isEqualTo("test.EverythingPipeline$Summary");
    assertThat(result.getMethod("runId2").getReturnType()).isEqualTo(int.class); // stage 'run-id'
    assertThrows(NoSuchMethodException.class, () -> result.getMethod("publish"));
  }

  private static Object run(
      PipelineDefinition def,
      String stage,
      Map<String, Object> params,
      Map<String, Object> inputs,
      Object item)
      throws Exception {
    StageCall call =
        new StageCall() {
          @SuppressWarnings("unchecked")
          @Override
          public <T> T input(String name) {
            return (T) inputs.get(name);
          }

          @SuppressWarnings("unchecked")
          @Override
          public <T> Optional<T> optionalInput(String name) {
            return Optional.ofNullable((T) inputs.get(name));
          }

          @SuppressWarnings("unchecked")
          @Override
          public <T> T param(String name) {
            return (T) params.get(name);
          }

          @SuppressWarnings("unchecked")
          @Override
          public <T> T item() {
            return (T) item;
          }

          @Override
          public StageContext context() {
            return null;
          }
        };
    return def.stage(stage).orElseThrow().body().run(call);
  }
}
