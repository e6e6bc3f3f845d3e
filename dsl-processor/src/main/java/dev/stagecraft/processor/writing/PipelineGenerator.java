package dev.stagecraft.processor.writing;

import static dev.stagecraft.processor.writing.RuntimeNames.CONDITION;
import static dev.stagecraft.processor.writing.RuntimeNames.FAN_OUT_FROM_INPUT;
import static dev.stagecraft.processor.writing.RuntimeNames.FAN_OUT_FROM_PARAM;
import static dev.stagecraft.processor.writing.RuntimeNames.FAN_OUT_ITEMS;
import static dev.stagecraft.processor.writing.RuntimeNames.INPUT_SPEC;
import static dev.stagecraft.processor.writing.RuntimeNames.PARAM_SPEC;
import static dev.stagecraft.processor.writing.RuntimeNames.PARAM_TYPE;
import static dev.stagecraft.processor.writing.RuntimeNames.PIPELINE_DEFINITION;
import static dev.stagecraft.processor.writing.RuntimeNames.PIPELINE_DEFINITION_BUILDER;
import static dev.stagecraft.processor.writing.RuntimeNames.PIPELINE_PROVIDER;
import static dev.stagecraft.processor.writing.RuntimeNames.PIPELINE_RUNNER;
import static dev.stagecraft.processor.writing.RuntimeNames.RESOURCE_REQUEST;
import static dev.stagecraft.processor.writing.RuntimeNames.RUN_OPTIONS;
import static dev.stagecraft.processor.writing.RuntimeNames.RUN_RESULT;
import static dev.stagecraft.processor.writing.RuntimeNames.RUN_STATUS;
import static dev.stagecraft.processor.writing.RuntimeNames.STAGE_BODY;
import static dev.stagecraft.processor.writing.RuntimeNames.STAGE_CALL;
import static dev.stagecraft.processor.writing.RuntimeNames.STAGE_SPEC;
import static dev.stagecraft.processor.writing.RuntimeNames.STAGE_TYPE;
import static dev.stagecraft.processor.writing.RuntimeNames.VALUE_CHECK_NOT_EMPTY;
import static dev.stagecraft.processor.writing.RuntimeNames.VALUE_CHECK_ONE_OF;
import static dev.stagecraft.processor.writing.RuntimeNames.VALUE_CHECK_RANGE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.stagecraft.annotations.syntax.Quantities;
import dev.stagecraft.annotations.syntax.ValueCheck;
import dev.stagecraft.processor.condition.ConditionResult;
import dev.stagecraft.processor.parse.CheckModel;
import dev.stagecraft.processor.parse.ContextParameter;
import dev.stagecraft.processor.parse.ForEachModel;
import dev.stagecraft.processor.parse.InputModel;
import dev.stagecraft.processor.parse.ItemModel;
import dev.stagecraft.processor.parse.Names;
import dev.stagecraft.processor.parse.ParamKind;
import dev.stagecraft.processor.parse.ParamModel;
import dev.stagecraft.processor.parse.PipelineModel;
import dev.stagecraft.processor.parse.ResourcesModel;
import dev.stagecraft.processor.parse.StageModel;
import dev.stagecraft.processor.parse.StageParameter;
import dev.stagecraft.processor.parse.TypeSupport;
import dev.stagecraft.processor.validation.PipelineGraph;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;

/**
 * Renders a validated pipeline as one class: {@code Stagecraft<Name>} with the definition, a typed
 * builder and a typed result. Stages are added in methods of {@value #STAGES_PER_METHOD} (each with
 * a {@code StageBodies} class calling their methods) and, for large pipelines, in nested classes of
 * {@value #STAGES_PER_CLASS}, so no method nears the 64 KB bytecode limit and no class nears the
 * 65,535-entry constant pool limit.
 */
public final class PipelineGenerator {
  static final int STAGES_PER_METHOD = 100;
  static final int STAGES_PER_CLASS = 1000;
  static final int PARAMS_PER_METHOD = 200;

  private static final ClassName LIST = ClassName.get(List.class);
  private static final Set<String> OBJECT_METHODS =
      Set.of(
          "toString",
          "hashCode",
          "equals",
          "getClass",
          "notify",
          "notifyAll",
          "wait",
          "clone",
          "finalize");

  private final PipelineGraph graph;
  private final PipelineModel model;
  private final ClassName self;
  private final ClassName pipeline;
  private final ClassName instance;
  private final ClassName builder;
  private final ClassName result;

  private PipelineGenerator(PipelineGraph graph) {
    this.graph = graph;
    this.model = graph.model();
    this.self = model.generatedName();
    this.pipeline = model.className();
    this.instance = self.nestedClass("Instance");
    this.builder = self.nestedClass("Builder");
    this.result = self.nestedClass("Result");
  }

  /** The generated class for a pipeline whose checks passed. */
  public static TypeSpec.Builder generate(PipelineGraph graph) {
    return new PipelineGenerator(graph).type();
  }

  private TypeSpec.Builder type() {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(PIPELINE_PROVIDER)
            .addJavadoc(
                "Runs {@link $T}, pipeline {@code $L}: its definition, a typed {@link Builder} and a typed\n"
                    + "{@link Result}. Generated by Stagecraft from the annotations of {@link $T}; do not edit.\n",
                pipeline,
                model.name(),
                pipeline)
            .addField(
                FieldSpec.builder(
                        String.class, "NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The pipeline's name.\n")
                    .initializer("$S", model.name())
                    .build())
            .addField(
                FieldSpec.builder(
                        String.class,
                        "DESCRIPTION",
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .addJavadoc("The pipeline's description.\n")
                    .initializer("$S", model.description())
                    .build())
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                        "For {@link java.util.ServiceLoader}; from code use the static methods.\n")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("name")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(String.class)
                    .addStatement("return NAME")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("description")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(String.class)
                    .addStatement("return DESCRIPTION")
                    .build())
            .addMethod(instanceDefinition())
            .addMethod(staticDefinition());
    if (!model.instantiable()) {
      type.addField(
              FieldSpec.builder(
                      String.class,
                      "NOT_RUNNABLE",
                      Modifier.PRIVATE,
                      Modifier.STATIC,
                      Modifier.FINAL)
                  .initializer("$S", notRunnableReason())
                  .build())
          .addMethod(
              MethodSpec.methodBuilder("notRunnableReason")
                  .addAnnotation(Override.class)
                  .addModifiers(Modifier.PUBLIC)
                  .returns(
                      ParameterizedTypeName.get(
                          ClassName.get(Optional.class), ClassName.get(String.class)))
                  .addStatement("return $T.of(NOT_RUNNABLE)", Optional.class)
                  .build());
    }
    if (sharedResources()) {
      type.addField(
          FieldSpec.builder(
                  RESOURCE_REQUEST, "RESOURCES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc(
                  "What the class's {@code @Resources} sets: the defaults of every stage.\n")
              .initializer(
                  withWritten(
                      CodeBlock.of("$T.DEFAULT", RESOURCE_REQUEST), model.resources().get()))
              .build());
    }
    if (model.instantiable()) {
      type.addMethod(
          MethodSpec.methodBuilder("builder")
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .addJavadoc("A builder running a new {@link $T}.\n", pipeline)
              .returns(builder)
              .addStatement("return new $T(definition($T::new))", builder, pipeline)
              .build());
    }
    type.addMethod(
        MethodSpec.methodBuilder("builder")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addJavadoc("A builder running the stages of the given pipeline object.\n")
            .addParameter(pipeline, "pipeline")
            .returns(builder)
            .addStatement("$T.requireNonNull(pipeline, $S)", Objects.class, "pipeline")
            .addStatement("return new $T(definition(() -> pipeline))", builder)
            .build());
    addParamMethods(type);
    addStageMethods(type);
    type.addType(instanceType());
    type.addType(builderType());
    type.addType(resultType());
    return type;
  }

  private MethodSpec instanceDefinition() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("definition")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(PIPELINE_DEFINITION);
    if (model.instantiable()) {
      m.addJavadoc("The definition, calling a new {@link $T} created on first use.\n", pipeline)
          .addStatement("return definition($T::new)", pipeline);
    } else {
      m.addJavadoc(
              "The definition, to describe the pipeline: {@link $T} has no public no-argument\n"
                  + "constructor, so its stages fail; run it with {@link #builder($T)}.\n",
              pipeline,
              pipeline)
          .addStatement(
              "return definition(() -> { throw new $T(NOT_RUNNABLE); })",
              IllegalStateException.class);
    }
    return m.build();
  }

  /** Why the command line cannot run a pipeline without a public no-argument constructor. */
  private String notRunnableReason() {
    return "pipeline '"
        + model.name()
        + "' cannot run from the command line: its class "
        + pipeline.canonicalName()
        + " has no public no-argument constructor to create it with; add one, or run it from"
        + " code with "
        + self.simpleName()
        + ".builder(new "
        + pipeline.simpleName()
        + "(...))";
  }

  private MethodSpec staticDefinition() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("definition")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addJavadoc(
                "The definition; stage bodies call the pipeline object {@code pipeline} supplies, created\n"
                    + "once per definition when the first stage runs.\n")
            .addParameter(
                ParameterizedTypeName.get(
                    ClassName.get(Supplier.class), WildcardTypeName.subtypeOf(pipeline)),
                "pipeline")
            .returns(PIPELINE_DEFINITION)
            .addStatement("$T instance = new $T(pipeline)", instance, instance)
            .addStatement(
                "$T def = $T.builder(NAME).description(DESCRIPTION)",
                PIPELINE_DEFINITION_BUILDER,
                PIPELINE_DEFINITION);
    for (String call : paramMethodNames()) {
      m.addStatement("$L(def)", call);
    }
    paramCheck().ifPresent(m::addStatement);
    for (String call : stageCalls()) {
      m.addStatement("$L(def, instance)", call);
    }
    return m.addStatement("return def.build()").build();
  }

  // ---- parameters -------------------------------------------------------------------------

  /**
   * One entry per parameter: its first declaration (the {@code @Parameters} record's, else the
   * first on a stage), and the description, default and checks of the first that states them (the
   * checks passed: declarations that state them agree).
   */
  private record ParamDecl(
      ParamModel first,
      String description,
      Optional<String> defaultText,
      List<CheckModel> checks) {}

  private Map<String, ParamDecl> paramDecls() {
    List<ParamModel> all = new ArrayList<>();
    model.declared().ifPresent(d -> all.addAll(d.params()));
    model.stages().forEach(s -> all.addAll(s.params()));
    Map<String, ParamModel> firsts = new LinkedHashMap<>();
    Map<String, String> descriptions = new LinkedHashMap<>();
    Map<String, String> defaults = new LinkedHashMap<>();
    Map<String, List<CheckModel>> checks = new LinkedHashMap<>();
    for (ParamModel p : all) {
      firsts.putIfAbsent(p.name(), p);
      if (!p.description().isEmpty()) {
        descriptions.putIfAbsent(p.name(), p.description());
      }
      p.defaultValue().ifPresent(d -> defaults.putIfAbsent(p.name(), d.text()));
      if (!p.checks().isEmpty()) {
        checks.putIfAbsent(p.name(), p.checks());
      }
    }
    Map<String, ParamDecl> out = new LinkedHashMap<>();
    firsts.forEach(
        (name, p) ->
            out.put(
                name,
                new ParamDecl(
                    p,
                    descriptions.getOrDefault(name, ""),
                    Optional.ofNullable(defaults.get(name)),
                    checks.getOrDefault(name, List.of()))));
    return out;
  }

  private List<String> paramMethodNames() {
    int n = paramDecls().size();
    if (n == 0) {
      return List.of();
    }
    int chunks = (n + PARAMS_PER_METHOD - 1) / PARAMS_PER_METHOD;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < chunks; i++) {
      names.add(chunks == 1 ? "addParams" : "addParams" + i);
    }
    return names;
  }

  private void addParamMethods(TypeSpec.Builder type) {
    List<ParamDecl> decls = new ArrayList<>(paramDecls().values());
    List<String> names = paramMethodNames();
    for (int c = 0; c < names.size(); c++) {
      MethodSpec.Builder m =
          MethodSpec.methodBuilder(names.get(c))
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .addParameter(PIPELINE_DEFINITION_BUILDER, "def");
      for (int i = c * PARAMS_PER_METHOD;
          i < Math.min(decls.size(), (c + 1) * PARAMS_PER_METHOD);
          i++) {
        ParamDecl d = decls.get(i);
        CodeBlock paramType = paramType(d.first().kind().orElseThrow());
        CodeBlock spec =
            d.defaultText().isPresent()
                ? CodeBlock.of(
                    "$T.optional($S, $L, $S, $S)",
                    PARAM_SPEC,
                    d.first().name(),
                    paramType,
                    d.description(),
                    d.defaultText().get())
                : CodeBlock.of(
                    "$T.required($S, $L, $S)",
                    PARAM_SPEC,
                    d.first().name(),
                    paramType,
                    d.description());
        if (!d.checks().isEmpty()) {
          List<CodeBlock> checks = new ArrayList<>();
          d.checks().forEach(check -> checks.add(check(check.check())));
          spec = CodeBlock.of("$L.withChecks($L)", spec, CodeBlock.join(checks, ", "));
        }
        m.addStatement("def.param($L)", spec);
      }
      type.addMethod(m.build());
    }
  }

  private static CodeBlock check(ValueCheck check) {
    if (check instanceof ValueCheck.Range r) {
      return CodeBlock.of(
          "new $T($L, $L, $L, $L)",
          VALUE_CHECK_RANGE,
          bound(r.min()),
          bound(r.max()),
          r.minExclusive(),
          r.maxExclusive());
    }
    if (check instanceof ValueCheck.OneOf o) {
      return CodeBlock.of("new $T($L)", VALUE_CHECK_ONE_OF, listOf(o.values()));
    }
    return CodeBlock.of("new $T()", VALUE_CHECK_NOT_EMPTY);
  }

  private static CodeBlock bound(double d) {
    if (Double.isInfinite(d)) {
      return CodeBlock.of("$T.$L", Double.class, d > 0 ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY");
    }
    return CodeBlock.of("$L", Double.toString(d));
  }

  /**
   * {@code def.paramCheck(...)}: constructs the {@code @Parameters} record with a run's values, so
   * its compact constructor checks them before any stage.
   */
  private Optional<CodeBlock> paramCheck() {
    return model
        .declared()
        .map(
            record -> {
              List<CodeBlock> args = new ArrayList<>();
              for (ParamModel p : record.params()) {
                args.add(CodeBlock.of("values.<$T>get($S)", boxed(p.type()), p.name()));
              }
              return CodeBlock.of(
                  "def.paramCheck(values -> new $T($L))",
                  ClassName.get(record.type()),
                  CodeBlock.join(args, ", "));
            });
  }

  private static CodeBlock paramType(ParamKind kind) {
    if (kind instanceof ParamKind.Scalar s) {
      return s.boxName() == null
          ? CodeBlock.of("$T.$L", PARAM_TYPE, s.kind().name())
          : CodeBlock.of("$T.$L.named($S)", PARAM_TYPE, s.kind().name(), s.boxName());
    }
    if (kind instanceof ParamKind.EnumKind e) {
      return CodeBlock.of(
          "$T.enumOf($S, $T.values())", PARAM_TYPE, e.displayName(), ClassName.get(e.type()));
    }
    return CodeBlock.of(
        "$T.listOf($L)", PARAM_TYPE, paramType(((ParamKind.ListKind) kind).element()));
  }

  // ---- stages -----------------------------------------------------------------------------

  private List<List<StageModel>> chunks(List<StageModel> stages, int size) {
    List<List<StageModel>> out = new ArrayList<>();
    for (int i = 0; i < stages.size(); i += size) {
      out.add(stages.subList(i, Math.min(stages.size(), i + size)));
    }
    return out;
  }

  private boolean nestedParts() {
    return model.stages().size() > STAGES_PER_CLASS;
  }

  private List<List<StageModel>> stageChunks() {
    return chunks(model.stages(), STAGES_PER_METHOD);
  }

  private String chunkSuffix(int chunk) {
    return stageChunks().size() == 1 ? "" : Integer.toString(chunk);
  }

  private List<String> stageCalls() {
    List<String> calls = new ArrayList<>();
    int chunks = stageChunks().size();
    if (nestedParts()) {
      int perPart = STAGES_PER_CLASS / STAGES_PER_METHOD;
      for (int i = 0; i < (chunks + perPart - 1) / perPart; i++) {
        calls.add("StagesPart" + i + ".add");
      }
    } else {
      for (int i = 0; i < chunks; i++) {
        calls.add("addStages" + chunkSuffix(i));
      }
    }
    return calls;
  }

  /**
   * Adds the methods that add stages (in nested classes for large pipelines) and one {@code
   * StageBodies} class per method, whose {@code run} calls the stage methods in a switch: cheaper
   * for javac than one lambda per stage, and one class instead of one synthetic method and
   * bootstrap entry per stage.
   */
  private void addStageMethods(TypeSpec.Builder type) {
    List<List<StageModel>> chunks = stageChunks();
    int perPart = STAGES_PER_CLASS / STAGES_PER_METHOD;
    TypeSpec.Builder part = null;
    MethodSpec.Builder partAdd = null;
    for (int c = 0; c < chunks.size(); c++) {
      String suffix = chunkSuffix(c);
      MethodSpec.Builder m =
          MethodSpec.methodBuilder("addStages" + suffix)
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .addParameter(PIPELINE_DEFINITION_BUILDER, "def")
              .addParameter(instance, "pipeline");
      ClassName bodies = self.nestedClass("StageBodies" + suffix);
      for (StageModel s : chunks.get(c)) {
        m.addCode(stage(s, bodies));
      }
      type.addType(bodiesType(bodies, chunks.get(c)));
      if (!nestedParts()) {
        type.addMethod(m.build());
        continue;
      }
      if (c % perPart == 0) {
        int p = c / perPart;
        part =
            TypeSpec.classBuilder("StagesPart" + p)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(
                    "Stages $L to $L, in a class of their own to keep each constant pool small.\n",
                    p * STAGES_PER_CLASS,
                    Math.min(model.stages().size(), (p + 1) * STAGES_PER_CLASS) - 1)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        partAdd =
            MethodSpec.methodBuilder("add")
                .addModifiers(Modifier.STATIC)
                .addParameter(PIPELINE_DEFINITION_BUILDER, "def")
                .addParameter(instance, "pipeline");
      }
      part.addMethod(m.build());
      partAdd.addStatement("addStages$L(def, pipeline)", suffix);
      if (c % perPart == perPart - 1 || c == chunks.size() - 1) {
        type.addType(part.addMethod(partAdd.build()).build());
      }
    }
  }

  private TypeSpec bodiesType(ClassName name, List<StageModel> stages) {
    CodeBlock.Builder cases = CodeBlock.builder().beginControlFlow("switch (stage)");
    for (StageModel s : stages) {
      cases.add("case $S:\n", s.name()).indent();
      CodeBlock call = call(s);
      if (s.isVoid()) {
        cases.addStatement("$L", call).addStatement("return null");
      } else {
        cases.addStatement("return $L", call);
      }
      cases.unindent();
    }
    cases
        .add("default:\n")
        .indent()
        .addStatement("throw new $T($S + stage)", IllegalStateException.class, "no body for stage ")
        .unindent()
        .endControlFlow();
    return TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(STAGE_BODY)
        .addJavadoc(
            "Calls the stage methods of stages $L to $L.\n",
            stages.get(0).name(),
            stages.get(stages.size() - 1).name())
        .addField(instance, "pipeline", Modifier.PRIVATE, Modifier.FINAL)
        .addField(String.class, "stage", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(
            MethodSpec.constructorBuilder()
                .addParameter(instance, "pipeline")
                .addParameter(String.class, "stage")
                .addStatement("this.pipeline = pipeline")
                .addStatement("this.stage = stage")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("run")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(STAGE_CALL, "call")
                .returns(Object.class)
                .addException(Exception.class)
                .addCode(cases.build())
                .build())
        .build();
  }

  private CodeBlock stage(StageModel s, ClassName bodies) {
    CodeBlock.Builder b = CodeBlock.builder();
    b.add("def.stage($T.builder($S)", STAGE_SPEC, s.name()).indent().indent();
    if (s.sets("type")) {
      b.add("\n.type($T.$L)", STAGE_TYPE, s.type());
    }
    if (!s.description().isEmpty()) {
      b.add("\n.description($S)", s.description());
    }
    b.add("\n.outputType($S)", outputType(s));
    if (!s.dependsOn().isEmpty()) {
      Set<String> names = new LinkedHashSet<>();
      s.dependsOn().forEach(d -> names.add(d.stage()));
      b.add("\n.dependsOn($L)", strings(names));
    }
    for (InputModel in : s.inputs()) {
      b.add("\n.input($T.$L($S))", INPUT_SPEC, in.optional() ? "optionalOf" : "of", in.stage());
    }
    Set<String> params = new LinkedHashSet<>();
    s.params().forEach(p -> params.add(p.name()));
    if (!params.isEmpty()) {
      b.add("\n.params($L)", strings(params));
    }
    resources(s).ifPresent(r -> b.add("\n.resources($L)", r));
    List<String> written = writtenResources(s);
    if (!written.isEmpty() && written.size() < 3) {
      b.add("\n.writtenResources($L)", strings(written));
    }
    if (s.sets("retries")) {
      b.add("\n.retries($L)", s.retries());
    }
    if (s.sets("backoff")) {
      b.add("\n.backoff($L)", durationCode(s.backoff()));
    }
    if (!s.timeout().isEmpty()) {
      b.add("\n.timeout($L)", durationCode(s.timeout()));
    }
    if (s.sets("cache")) {
      b.add("\n.cache($L)", s.cache());
    }
    if (s.sets("version")) {
      b.add("\n.version($S)", s.version());
    }
    graph.condition(s).ifPresent(c -> b.add("\n.condition($L)", condition(s, c)));
    s.forEach().ifPresent(f -> b.add("\n.fanOut($L)", fanOut(f)));
    b.add("\n.body(new $T(pipeline, $S))", bodies, s.name());
    b.add("\n.build());\n").unindent().unindent();
    return b.build();
  }

  private String outputType(StageModel s) {
    if (s.isVoid()) {
      return "void";
    }
    return TypeSupport.display(graph.outputType(s));
  }

  private static CodeBlock strings(Iterable<String> values) {
    List<CodeBlock> parts = new ArrayList<>();
    for (String v : values) {
      parts.add(CodeBlock.of("$S", v));
    }
    return CodeBlock.join(parts, ", ");
  }

  /**
   * A stage's resources as written: the class-level {@code @Resources} ({@code RESOURCES}) or the
   * runtime's defaults, with what the stage's own {@code @Resources} sets; empty when neither sets
   * anything.
   */
  private Optional<CodeBlock> resources(StageModel s) {
    boolean shared = sharedResources();
    boolean own = s.resources().map(PipelineGenerator::setsAny).orElse(false);
    if (!shared && !own) {
      return Optional.empty();
    }
    CodeBlock base =
        shared ? CodeBlock.of("RESOURCES") : CodeBlock.of("$T.DEFAULT", RESOURCE_REQUEST);
    return Optional.of(own ? withWritten(base, s.resources().get()) : base);
  }

  /**
   * Which resources the source wrote for the stage, on the stage or its class, in the order cpu,
   * memory, gpu: a plan gives a tenant's defaults to the others.
   */
  private List<String> writtenResources(StageModel s) {
    Optional<ResourcesModel> own = s.resources();
    Optional<ResourcesModel> shared = model.resources();
    List<String> written = new ArrayList<>();
    if (own.map(r -> r.cpu() != null).orElse(false)
        || shared.map(r -> r.cpu() != null).orElse(false)) {
      written.add("cpu");
    }
    if (own.map(r -> r.memory() != null).orElse(false)
        || shared.map(r -> r.memory() != null).orElse(false)) {
      written.add("memory");
    }
    if (own.map(r -> r.gpu() != null).orElse(false)
        || shared.map(r -> r.gpu() != null).orElse(false)) {
      written.add("gpu");
    }
    return written;
  }

  /** Whether the class-level {@code @Resources} sets anything: then it is the field RESOURCES. */
  private boolean sharedResources() {
    return model.resources().map(PipelineGenerator::setsAny).orElse(false);
  }

  private static boolean setsAny(ResourcesModel r) {
    return r.cpu() != null || r.memory() != null || r.gpu() != null;
  }

  /** {@code base} with each attribute {@code r} sets, as quantities checked at compile time. */
  private static CodeBlock withWritten(CodeBlock base, ResourcesModel r) {
    CodeBlock.Builder b = CodeBlock.builder().add(base);
    if (r.cpu() != null) {
      b.add(".withMilliCpu($LL)", Quantities.cpuMillis(r.cpu()));
    }
    if (r.memory() != null) {
      b.add(".withMemoryBytes($LL)", Quantities.memoryBytes(r.memory()));
    }
    if (r.gpu() != null) {
      b.add(".withGpu($L)", r.gpu());
    }
    return b.build();
  }

  private static CodeBlock durationCode(String text) {
    Duration d = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
    return CodeBlock.of("$T.parse($S)", Duration.class, d.toString());
  }

  private static CodeBlock condition(StageModel s, ConditionResult.Compiled c) {
    return CodeBlock.of(
        "new $T($S, $L, $L, scope -> $L, $T.of($L))",
        CONDITION,
        s.when().orElseThrow().source(),
        listOf(c.stages()),
        listOf(c.params()),
        c.expression(),
        LIST,
        CodeBlock.join(c.paths(), ", "));
  }

  private static CodeBlock listOf(List<String> values) {
    return CodeBlock.of("$T.of($L)", LIST, strings(values));
  }

  private static CodeBlock fanOut(ForEachModel f) {
    if (f.itemsValue() != null) {
      return CodeBlock.of("new $T($L)", FAN_OUT_ITEMS, listOf(f.items()));
    }
    if (f.paramValue() != null) {
      return CodeBlock.of("new $T($S)", FAN_OUT_FROM_PARAM, f.param());
    }
    return CodeBlock.of("new $T($S)", FAN_OUT_FROM_INPUT, f.input());
  }

  private CodeBlock call(StageModel s) {
    List<CodeBlock> args = new ArrayList<>();
    for (StageParameter p : s.parameters()) {
      args.add(argument(p));
    }
    CodeBlock receiver =
        s.method().getModifiers().contains(Modifier.STATIC)
            ? CodeBlock.of("$T", pipeline)
            : CodeBlock.of("pipeline.get()");
    return CodeBlock.of("$L.$N($L)", receiver, s.methodName(), CodeBlock.join(args, ", "));
  }

  private static CodeBlock argument(StageParameter p) {
    if (p instanceof InputModel in) {
      return in.optional()
          ? CodeBlock.of("call.<$T>optionalInput($S)", boxed(in.valueType()), in.stage())
          : CodeBlock.of("call.<$T>input($S)", boxed(in.type()), in.stage());
    }
    if (p instanceof ParamModel pm) {
      return CodeBlock.of("call.<$T>param($S)", boxed(pm.type()), pm.name());
    }
    if (p instanceof ItemModel item) {
      return CodeBlock.of("call.<$T>item()", boxed(item.type()));
    }
    if (p instanceof ContextParameter) {
      return CodeBlock.of("call.context()");
    }
    throw new IllegalStateException("unexpected parameter " + p + " in a validated pipeline");
  }

  private static TypeName boxed(TypeMirror t) {
    return TypeName.get(t).box();
  }

  // ---- nested types -----------------------------------------------------------------------

  private TypeSpec instanceType() {
    return TypeSpec.classBuilder(instance)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(
            "The pipeline object, created on first use and shared by every stage of a definition.\n")
        .addField(
            ParameterizedTypeName.get(
                ClassName.get(Supplier.class), WildcardTypeName.subtypeOf(pipeline)),
            "factory",
            Modifier.PRIVATE,
            Modifier.FINAL)
        .addField(pipeline, "value", Modifier.PRIVATE)
        .addMethod(
            MethodSpec.constructorBuilder()
                .addParameter(
                    ParameterizedTypeName.get(
                        ClassName.get(Supplier.class), WildcardTypeName.subtypeOf(pipeline)),
                    "factory")
                .addStatement(
                    "this.factory = $T.requireNonNull(factory, $S)", Objects.class, "pipeline")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("get")
                .addModifiers(Modifier.SYNCHRONIZED)
                .returns(pipeline)
                .beginControlFlow("if (value == null)")
                .addStatement(
                    "value = $T.requireNonNull(factory.get(), $S)",
                    Objects.class,
                    "the pipeline supplier returned null")
                .endControlFlow()
                .addStatement("return value")
                .build())
        .build();
  }

  private TypeSpec builderType() {
    TypeSpec.Builder b =
        TypeSpec.classBuilder(builder)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Sets parameters and options, then runs the pipeline.\n")
            .addField(PIPELINE_DEFINITION, "definition", Modifier.PRIVATE, Modifier.FINAL)
            .addField(
                FieldSpec.builder(
                        ParameterizedTypeName.get(Map.class, String.class, Object.class),
                        "params",
                        Modifier.PRIVATE,
                        Modifier.FINAL)
                    .initializer("new $T<>()", LinkedHashMap.class)
                    .build())
            .addField(
                FieldSpec.builder(RUN_OPTIONS, "options", Modifier.PRIVATE)
                    .initializer("$T.defaults()", RUN_OPTIONS)
                    .build())
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(PIPELINE_DEFINITION, "definition")
                    .addStatement("this.definition = definition")
                    .build());
    Set<String> used = new HashSet<>(OBJECT_METHODS);
    used.addAll(List.of("options", "run", "requireSet"));
    MethodSpec.Builder run =
        MethodSpec.methodBuilder("run")
            .addModifiers(Modifier.PUBLIC)
            .returns(result)
            .addJavadoc(
                "Runs the pipeline and waits for it to finish.\n\n"
                    + "@throws IllegalStateException when a required parameter is not set\n");
    for (ParamDecl d : paramDecls().values()) {
      ParamModel p = d.first();
      String setter = allocate(Names.identifier(p.name()), used);
      TypeName type = TypeName.get(p.type());
      String kind = p.kind().orElseThrow().displayName();
      MethodSpec.Builder m =
          MethodSpec.methodBuilder(setter)
              .addModifiers(Modifier.PUBLIC)
              .addParameter(type, "value")
              .returns(builder)
              .addJavadoc(
                  "Sets parameter {@code $L} ($L, $L$L)$L\n",
                  p.name(),
                  kind,
                  d.defaultText()
                      .map(t -> "default {@code \"" + javadocText(t) + "\"}")
                      .orElse("required"),
                  checksText(d.checks()),
                  d.description().isEmpty() ? "." : ": " + javadocText(d.description()));
      if (type.isPrimitive()) {
        m.addStatement("params.put($S, value)", p.name());
      } else {
        m.addStatement(
            "params.put($S, $T.requireNonNull(value, $S))", p.name(), Objects.class, p.name());
      }
      b.addMethod(m.addStatement("return this").build());
      if (d.defaultText().isEmpty()) {
        run.addStatement("requireSet($S, $S, $S)", p.name(), kind, setter);
      }
    }
    run.addStatement("return new $T($T.run(definition, params, options))", result, PIPELINE_RUNNER);
    b.addMethod(
        MethodSpec.methodBuilder("options")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("How to run: capacity, store, fail-fast and so on.\n")
            .addParameter(RUN_OPTIONS, "value")
            .returns(builder)
            .addStatement("this.options = $T.requireNonNull(value, $S)", Objects.class, "options")
            .addStatement("return this")
            .build());
    b.addMethod(run.build());
    b.addMethod(
        MethodSpec.methodBuilder("requireSet")
            .addModifiers(Modifier.PRIVATE)
            .addParameter(String.class, "name")
            .addParameter(String.class, "type")
            .addParameter(String.class, "setter")
            .beginControlFlow("if (!params.containsKey(name))")
            .addStatement(
                "throw new $T($S + name + $S + type + $S + setter + $S)",
                IllegalStateException.class,
                "required parameter '",
                "' (",
                ") is not set: call ",
                "(...) before run()")
            .endControlFlow()
            .build());
    return b.build();
  }

  private TypeSpec resultType() {
    TypeSpec.Builder r =
        TypeSpec.classBuilder(result)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(
                "How a run ended, with one typed accessor per stage output. An accessor of a stage without\n"
                    + "an output (skipped or failed) throws\n"
                    + "{@code dev.stagecraft.runtime.engine.StageOutputUnavailableException} saying its status and reason.\n")
            .addField(RUN_RESULT, "run", Modifier.PRIVATE, Modifier.FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addParameter(RUN_RESULT, "run")
                    .addStatement("this.run = $T.requireNonNull(run, $S)", Objects.class, "run")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("runId")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(String.class)
                    .addJavadoc("The run's id.\n")
                    .addStatement("return run.runId()")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("status")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(RUN_STATUS)
                    .addJavadoc("How the run ended.\n")
                    .addStatement("return run.status()")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("runResult")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(RUN_RESULT)
                    .addJavadoc("Every stage outcome.\n")
                    .addStatement("return run")
                    .build());
    Set<String> used = new HashSet<>(OBJECT_METHODS);
    used.addAll(List.of("runId", "status", "runResult"));
    for (StageModel s : model.stages()) {
      if (s.isVoid()) {
        continue;
      }
      TypeName type = TypeName.get(graph.outputType(s));
      r.addMethod(
          MethodSpec.methodBuilder(allocate(Names.identifier(s.name()), used))
              .addModifiers(Modifier.PUBLIC)
              .returns(type)
              .addJavadoc(
                  "The output of stage {@code $L}$L.\n",
                  s.name(),
                  s.isFanOut() ? ", in item order" : "")
              .addStatement("return run.<$T>output($S)", type.box(), s.name())
              .build());
    }
    return r.build();
  }

  private static String allocate(String name, Set<String> used) {
    String candidate = name;
    for (int i = 2; !used.add(candidate); i++) {
      candidate = name + i;
    }
    return candidate;
  }

  /** {@code ", in [1, 10], one of a, b"}: what the checks allow, for the setter's Javadoc. */
  private static String checksText(List<CheckModel> checks) {
    StringBuilder b = new StringBuilder();
    checks.forEach(c -> b.append(", ").append(javadocText(c.check().describe())));
    return b.toString();
  }

  private static String javadocText(String text) {
    return text.replace("*/", "*&#47;").replace("@", "{@literal @}").replace("\n", " ");
  }
}
