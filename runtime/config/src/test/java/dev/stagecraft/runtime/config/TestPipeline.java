package dev.stagecraft.runtime.config;

import dev.stagecraft.annotations.StageType;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.ParamType;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.ResourceRequest;
import dev.stagecraft.runtime.graph.StageSpec;

/** A small pipeline shaped like the advanced ML one, for templates to be checked against. */
final class TestPipeline {
  enum Impute {
    MEAN,
    MEDIAN
  }

  private TestPipeline() {}

  private static StageSpec.Builder stage(String name, StageType type) {
    return StageSpec.builder(name)
        .type(type)
        .resources(ResourceRequest.parse("1", "1Gi", 0))
        .body(call -> name);
  }

  static PipelineDefinition definition() {
    return PipelineDefinition.builder("ml")
        .param(ParamSpec.optional("nTrials", ParamType.INT, "trials", "8"))
        .param(ParamSpec.optional("folds", ParamType.INT, "folds", "3"))
        .param(ParamSpec.optional("testSize", ParamType.DOUBLE, "test share", "0.2"))
        .param(
            ParamSpec.optional("impute", ParamType.enumOf("Impute", Impute.values()), "", "MEDIAN"))
        .param(ParamSpec.optional("regions", ParamType.listOf(ParamType.STRING), "", ""))
        .stage(
            stage("load", StageType.INGESTION)
                .params("nTrials", "folds", "testSize", "impute", "regions")
                .build())
        .stage(stage("dataQuality", StageType.VALIDATION).input(InputSpec.of("load")).build())
        .stage(stage("preprocess", StageType.PREPROCESSING).input(InputSpec.of("load")).build())
        .stage(
            stage("train", StageType.TRAINING)
                .input(InputSpec.optionalOf("preprocess"))
                .dependsOn("dataQuality")
                .build())
        .stage(stage("deploy", StageType.DEPLOYMENT).input(InputSpec.of("train")).build())
        .build();
  }
}
