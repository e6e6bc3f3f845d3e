package dev.stagecraft.runtime.plan;

import dev.stagecraft.annotations.StageType;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.ParamType;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;

/** Pipelines built by hand for the planning tests. */
final class Pipelines {
  static final ResourceRequest ONE = ResourceRequest.parse("1", "1Gi", 0);

  /** Plenty of room: no capacity problem in a test that is not about capacity. */
  static final ResourceRequest BIG = ResourceRequest.parse("64", "256Gi", 8);

  private Pipelines() {}

  static StageSpec.Builder stage(String name, StageType type) {
    return StageSpec.builder(name).type(type).resources(ONE).body(call -> name);
  }

  /**
   * One stage of every type, each consumer taking what may be excluded as Optional: load
   * (INGESTION) -> prep (PREPROCESSING), features (FEATURE_ENGINEERING), validate (VALIDATION) ->
   * train (TRAINING) -> evaluate (EVALUATION) -> infer (INFERENCE) -> deploy (DEPLOYMENT); notify
   * (GENERIC).
   */
  static PipelineDefinition everyType() {
    return PipelineDefinition.builder("every-type")
        .param(ParamSpec.optional("nTrials", ParamType.INT, "trials", "8"))
        .param(ParamSpec.optional("mode", ParamType.STRING, "mode", "full"))
        .stage(stage("load", StageType.INGESTION).build())
        .stage(stage("prep", StageType.PREPROCESSING).input(InputSpec.of("load")).build())
        .stage(
            stage("features", StageType.FEATURE_ENGINEERING)
                .input(InputSpec.optionalOf("prep"))
                .build())
        .stage(stage("validate", StageType.VALIDATION).input(InputSpec.of("load")).build())
        .stage(
            stage("train", StageType.TRAINING)
                .input(InputSpec.optionalOf("features"))
                .input(InputSpec.optionalOf("prep"))
                .dependsOn("validate")
                .params("nTrials")
                .build())
        .stage(stage("evaluate", StageType.EVALUATION).input(InputSpec.of("train")).build())
        .stage(stage("infer", StageType.INFERENCE).input(InputSpec.of("train")).build())
        .stage(stage("deploy", StageType.DEPLOYMENT).input(InputSpec.of("evaluate")).build())
        .stage(stage("notify", StageType.GENERIC).dependsOn("deploy").build())
        .build();
  }
}
