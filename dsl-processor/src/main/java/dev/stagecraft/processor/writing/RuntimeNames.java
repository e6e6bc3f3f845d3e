package dev.stagecraft.processor.writing;

import com.palantir.javapoet.ClassName;

/**
 * Every runtime type the generated code names, in one place. The processor does not depend on the
 * runtime module: these are names, never class literals.
 */
public final class RuntimeNames {
  private static final String RUNTIME = "dev.stagecraft.runtime";
  private static final String GRAPH = RUNTIME + ".graph";
  private static final String ENGINE = RUNTIME + ".engine";

  public static final ClassName PIPELINE_PROVIDER = ClassName.get(GRAPH, "PipelineProvider");
  public static final ClassName PIPELINE_DEFINITION = ClassName.get(GRAPH, "PipelineDefinition");
  public static final ClassName PIPELINE_DEFINITION_BUILDER =
      ClassName.get(GRAPH, "PipelineDefinition", "Builder");
  public static final ClassName PARAM_SPEC = ClassName.get(GRAPH, "ParamSpec");
  public static final ClassName PARAM_TYPE = ClassName.get(GRAPH, "ParamType");
  public static final ClassName STAGE_SPEC = ClassName.get(GRAPH, "StageSpec");
  public static final ClassName STAGE_BODY = ClassName.get(GRAPH, "StageBody");
  public static final ClassName STAGE_CALL = ClassName.get(GRAPH, "StageCall");
  public static final ClassName INPUT_SPEC = ClassName.get(GRAPH, "InputSpec");
  public static final ClassName RESOURCE_REQUEST = ClassName.get(GRAPH, "ResourceRequest");
  public static final ClassName CONDITION = ClassName.get(GRAPH, "Condition");
  public static final ClassName FAN_OUT_ITEMS = ClassName.get(GRAPH, "FanOut", "Items");
  public static final ClassName FAN_OUT_FROM_PARAM = ClassName.get(GRAPH, "FanOut", "FromParam");
  public static final ClassName FAN_OUT_FROM_INPUT = ClassName.get(GRAPH, "FanOut", "FromInput");
  public static final ClassName RUN_OPTIONS = ClassName.get(ENGINE, "RunOptions");
  public static final ClassName RUN_RESULT = ClassName.get(ENGINE, "RunResult");
  public static final ClassName RUN_STATUS = ClassName.get(ENGINE, "RunStatus");
  public static final ClassName PIPELINE_RUNNER = ClassName.get(ENGINE, "PipelineRunner");
  public static final ClassName STAGE_TYPE =
      ClassName.get("dev.stagecraft.annotations", "StageType");
  public static final ClassName VALUE_CHECK_RANGE =
      ClassName.get("dev.stagecraft.annotations.syntax", "ValueCheck", "Range");
  public static final ClassName VALUE_CHECK_NOT_EMPTY =
      ClassName.get("dev.stagecraft.annotations.syntax", "ValueCheck", "NotEmpty");
  public static final ClassName VALUE_CHECK_ONE_OF =
      ClassName.get("dev.stagecraft.annotations.syntax", "ValueCheck", "OneOf");
  public static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");

  /** The ServiceLoader registration file of {@link #PIPELINE_PROVIDER}. */
  public static final String PROVIDER_SERVICE_FILE =
      "META-INF/services/" + GRAPH + ".PipelineProvider";

  private RuntimeNames() {}
}
