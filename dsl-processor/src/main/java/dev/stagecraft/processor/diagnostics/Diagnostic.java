package dev.stagecraft.processor.diagnostics;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import javax.tools.Diagnostic.Kind;

/**
 * Every message the processor prints, each with its kind (error or warning) and a stable id that
 * starts the message ({@code [StagecraftUnknownStage] stage 'train' depends on unknown stage
 * 'preproces' (did you mean 'preprocess'?)}). Ids never change once released; wording may improve.
 */
public enum Diagnostic {
  // pipeline class
  PIPELINE_NOT_A_CLASS("StagecraftPipelineNotAClass", "@Pipeline %s must be a class, not %s"),
  PIPELINE_PRIVATE(
      "StagecraftPipelinePrivate",
      "@Pipeline class %s is private; make it package-private or public so generated code can call it"),
  PIPELINE_INNER(
      "StagecraftPipelineInner",
      "@Pipeline class %s is a non-static inner class; declare it static or top-level"),
  PIPELINE_GENERIC(
      "StagecraftPipelineGeneric",
      "@Pipeline class %s is generic; stage types must be known at compile time, remove the type parameters"),
  NO_PUBLIC_CONSTRUCTOR(
      Kind.WARNING,
      "StagecraftNoPublicConstructor",
      "@Pipeline class %s has no public no-argument constructor, so the command line cannot create it ('stagecraft run' refuses it); add one, or run it from code with %s.builder(pipeline)"),
  PIPELINE_NO_STAGES(
      "StagecraftPipelineNoStages",
      "@Pipeline class %s has no @Stage methods; annotate at least one method with @Stage"),
  STAGE_OUTSIDE_PIPELINE(
      "StagecraftStageOutsidePipeline",
      "@Stage method %s is in %s, which is not a @Pipeline class; annotate the class with @Pipeline"),

  // stage method and attributes
  STAGE_PRIVATE(
      "StagecraftStagePrivate",
      "@Stage method %s is private; make it package-private, protected or public"),
  STAGE_ABSTRACT("StagecraftStageAbstract", "@Stage method %s is abstract; give it a body"),
  STAGE_GENERIC(
      "StagecraftStageGeneric",
      "@Stage method %s declares type parameters; stage types must be concrete"),
  DUPLICATE_STAGE(
      "StagecraftDuplicateStage",
      "pipeline '%s' has two stages named '%s' (methods %s and %s); rename one with @Stage(name = ...)"),
  INVALID_STAGE_NAME(
      "StagecraftInvalidStageName", "@Stage name \"%s\" is not a valid stage name: %s; %s"),
  NEGATIVE_RETRIES("StagecraftNegativeRetries", "@Stage retries %d must not be negative"),
  INVALID_DURATION(
      "StagecraftInvalidDuration",
      "@Stage %s \"%s\" is not an ISO-8601 duration (use e.g. PT30S, PT5M, PT1H)"),
  NON_POSITIVE_DURATION("StagecraftNonPositiveDuration", "@Stage %s \"%s\" must be %s"),

  // dependencies
  UNKNOWN_STAGE("StagecraftUnknownStage", "stage '%s' %s unknown stage '%s'%s"),
  SELF_DEPENDENCY(
      "StagecraftSelfDependency", "stage '%s' depends on itself through %s; remove the reference"),
  DEPENDENCY_CYCLE("StagecraftDependencyCycle", "dependency cycle: %s"),

  // inputs
  INPUT_TYPE_MISMATCH(
      "StagecraftInputTypeMismatch", "@Input(\"%s\") expects %s but stage '%s' %s %s"),
  INPUT_FROM_VOID(
      "StagecraftInputFromVoid",
      "@Input(\"%s\") reads stage '%s', which returns void; give it a return type or use @DependsOn(\"%s\")"),
  FAN_OUT_CONSUMER_NOT_LIST(
      "StagecraftFanOutConsumerNotList",
      "@Input(\"%s\") expects %s but fan-out stage '%s' delivers %s; declare the parameter as %s"),

  // parameters
  PARAMETER_UNANNOTATED(
      "StagecraftUnannotatedParameter",
      "parameter '%s' of stage '%s' is none of @Input, @Param, @Item or StageContext; annotate it"),
  PARAMETER_AMBIGUOUS(
      "StagecraftAmbiguousParameter", "parameter '%s' of stage '%s' has %s; keep exactly one"),
  PARAM_UNSUPPORTED_TYPE(
      "StagecraftUnsupportedParamType",
      "@Param(\"%s\") has unsupported type %s (use String, a primitive or its box, an enum, Path, Duration, or a List of those)"),
  PARAM_EMPTY_NAME("StagecraftEmptyParamName", "@Param name must not be empty"),
  INVALID_PARAM_NAME(
      "StagecraftInvalidParamName", "@Param name \"%s\" is not a valid parameter name: %s; %s"),
  PARAM_TYPE_CONFLICT(
      "StagecraftParamTypeConflict", "@Param(\"%s\") is %s here but %s %s; declare one type"),
  PARAM_DEFAULT_CONFLICT(
      "StagecraftParamDefaultConflict",
      "@Param(\"%s\") has @Default(\"%s\") here but @Default(\"%s\") %s; declare one default"),
  PARAM_DESCRIPTION_CONFLICT(
      "StagecraftParamDescriptionConflict",
      "@Param(\"%s\") has description \"%s\" here but \"%s\" %s; declare one description"),
  PARAM_CHECK_CONFLICT(
      "StagecraftParamCheckConflict",
      "@Param(\"%s\") is checked by %s here but by %s %s; declare one set of checks"),
  UNDECLARED_PARAM(
      "StagecraftUndeclaredParam",
      "@Param(\"%s\") of stage '%s' is not declared in @Parameters record %s%s; add a component to %s or fix the name"),
  INVALID_DEFAULT("StagecraftInvalidDefault", "@Default(\"%s\") of @Param(\"%s\"): %s"),
  DEFAULT_FAILS_CHECK("StagecraftDefaultFailsCheck", "@Default(\"%s\") of @Param(\"%s\") %s (%s)"),
  CHECK_NOT_APPLICABLE(
      "StagecraftCheckNotApplicable",
      "%s does not apply to @Param(\"%s\") of type %s: it checks %s"),
  INVALID_CHECK("StagecraftInvalidCheck", "%s of @Param(\"%s\") %s"),
  UNREAD_PARAM(
      Kind.WARNING,
      "StagecraftUnreadParam",
      "parameter '%s' of @Parameters record %s is read by no stage (no @Param(\"%s\"), @ForEach(param = \"%s\") or @When reads it); read it in a stage or remove it"),

  // the @Parameters record
  PARAMETERS_NOT_RECORD(
      "StagecraftParametersNotRecord",
      "@Parameters %s must be a record: each of its components declares one parameter"),
  PARAMETERS_OUTSIDE_PIPELINE(
      "StagecraftParametersOutsidePipeline",
      "@Parameters record %s is not nested in a @Pipeline class; move it into the pipeline class whose parameters it declares"),
  DUPLICATE_PARAMETERS(
      "StagecraftDuplicateParameters",
      "@Pipeline class %s has two @Parameters records, %s and %s; declare every parameter in one"),
  PARAMETERS_PRIVATE(
      "StagecraftParametersPrivate",
      "@Parameters record %s is private; make it package-private or public so the generated class can check values with it"),
  PARAMETERS_FULL_CONSTRUCTOR(
      "StagecraftParametersFullConstructor",
      "@Parameters record %s declares its canonical constructor with parameters, which drops the annotations of its components; write it as a compact constructor (%s { ... })"),
  DEFAULT_WITHOUT_PARAM(
      "StagecraftDefaultWithoutParam",
      "@Default on parameter '%s' of stage '%s' needs @Param; only parameters have defaults"),

  // resources
  INVALID_RESOURCES("StagecraftInvalidResources", "@Resources %s"),
  NEGATIVE_GPU("StagecraftNegativeGpu", "@Resources gpu %d must not be negative"),

  // fan-out
  FOR_EACH_SOURCES(
      "StagecraftForEachSources",
      "@ForEach of stage '%s' needs exactly one of items, param or input (found %s)"),
  FOR_EACH_WITHOUT_ITEM(
      "StagecraftForEachWithoutItem",
      "@ForEach stage '%s' has no @Item parameter; add one to receive the current item"),
  ITEM_WITHOUT_FOR_EACH(
      "StagecraftItemWithoutForEach",
      "@Item parameter '%s' of stage '%s' needs @ForEach on the stage"),
  DUPLICATE_ITEM(
      "StagecraftDuplicateItem", "stage '%s' has more than one @Item parameter; keep one"),
  ITEM_TYPE_MISMATCH(
      "StagecraftItemTypeMismatch", "@Item of stage '%s' is %s but %s gives items of type %s"),
  UNKNOWN_PARAM(
      "StagecraftUnknownParam",
      "@ForEach(param = \"%s\") of stage '%s' names no @Param of this pipeline%s"),
  FOR_EACH_PARAM_NOT_LIST(
      "StagecraftForEachParamNotList",
      "@ForEach(param = \"%s\") of stage '%s' needs a List parameter, but '%s' is %s"),
  FOR_EACH_INPUT_NOT_LIST(
      "StagecraftForEachInputNotList",
      "@ForEach(input = \"%s\") of stage '%s' needs a stage returning a List, but '%s' returns %s"),

  // conditions
  INVALID_CONDITION("StagecraftInvalidCondition", "@When: %s at column %d"),

  // robustness
  UNRESOLVED_TYPE(
      "StagecraftUnresolvedType",
      "pipeline %s uses a type that cannot be resolved; fix the other compile errors first"),
  INTERNAL_ERROR(
      "StagecraftInternalError",
      "unexpected error while processing %s; please report it with the pipeline source and this trace:%n%s");

  private final Kind kind;
  private final String id;
  private final String format;

  Diagnostic(String id, String format) {
    this(Kind.ERROR, id, format);
  }

  Diagnostic(Kind kind, String id, String format) {
    this.kind = kind;
    this.id = id;
    this.format = format;
  }

  /** Whether it is an error (the pipeline is not generated) or a warning. */
  public Kind kind() {
    return kind;
  }

  /** The stable id, e.g. {@code StagecraftUnknownStage}. */
  public String id() {
    return id;
  }

  /** The full message: {@code [id]} followed by the formatted text. */
  public String format(Object... args) {
    return "[" + id + "] " + String.format(Locale.ROOT, format, args);
  }

  /**
   * The {@link #INTERNAL_ERROR} message for an exception while processing {@code what}, with its
   * stack trace, so a user can report it (as AutoValue does).
   */
  public static String internalError(Object what, Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return INTERNAL_ERROR.format(what, trace.toString().strip());
  }
}
