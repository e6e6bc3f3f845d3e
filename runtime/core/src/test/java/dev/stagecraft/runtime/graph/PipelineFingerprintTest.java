package dev.stagecraft.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.stagecraft.annotations.StageType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a definition's fingerprint covers, and how a change is worded. */
class PipelineFingerprintTest {
  private static final ResourceRequest SMALL = ResourceRequest.parse("1", "1Mi", 0);

  private static PipelineDefinition pipeline(String trainVersion, String trainOutput) {
    return PipelineDefinition.builder("p")
        .param(ParamSpec.optional("n", ParamType.INT, "trials", "3"))
        .stage(StageSpec.builder("load").resources(SMALL).outputType("Table").body(c -> 1).build())
        .stage(
            StageSpec.builder("train")
                .type(StageType.TRAINING)
                .resources(SMALL)
                .outputType(trainOutput)
                .version(trainVersion)
                .input(InputSpec.of("load"))
                .params("n")
                .fanOut(new FanOut.Items(List.of("a", "b")))
                .body(c -> 2)
                .build())
        .build();
  }

  @Test
  void anUnchangedDefinitionHasTheSameFingerprintAndNoChanges() {
    PipelineFingerprint a = PipelineFingerprint.of(pipeline("1", "Model"));
    PipelineFingerprint b = PipelineFingerprint.of(pipeline("1", "Model"));
    assertEquals(a.hash(), b.hash());
    assertEquals(List.of(), b.changesSince(a));
    assertEquals(a, PipelineFingerprint.parse(a.text()));
  }

  @Test
  void changesNameTheStageTheFieldAndBothValues() {
    PipelineFingerprint before = PipelineFingerprint.of(pipeline("1", "Model"));
    PipelineDefinition changed =
        PipelineDefinition.builder("p")
            .param(ParamSpec.optional("n", ParamType.LONG, "trials", "3"))
            .stage(
                StageSpec.builder("train")
                    .type(StageType.TRAINING)
                    .resources(SMALL)
                    .outputType("Model")
                    .version("2")
                    .params("n")
                    .fanOut(new FanOut.Items(List.of("a", "b")))
                    .body(c -> 2)
                    .build())
            .stage(
                StageSpec.builder("evaluate")
                    .resources(SMALL)
                    .input(InputSpec.of("train"))
                    .body(c -> 3)
                    .build())
            .build();

    assertEquals(
        List.of(
            "parameter 'n': type int -> long",
            "stage 'evaluate' was added",
            "stage 'load' was removed",
            "stage 'train': inputs [load] -> []",
            "stage 'train': version 1 -> 2"),
        PipelineFingerprint.of(changed).changesSince(before));
  }

  @Test
  void resourcesRetriesTimeoutsAndDescriptionsDoNotChangeIt() {
    PipelineDefinition a = pipeline("1", "Model");
    PipelineDefinition b =
        PipelineDefinition.builder("p")
            .param(ParamSpec.optional("n", ParamType.INT, "how many trials", "5"))
            .stage(
                StageSpec.builder("load")
                    .resources(ResourceRequest.parse("4", "8Gi", 1))
                    .outputType("Table")
                    .description("reads the data")
                    .retry(new RetryPolicy(3, Duration.ofSeconds(2)))
                    .timeout(Duration.ofMinutes(5))
                    .body(c -> 1)
                    .build())
            .stage(a.stages().get(1))
            .build();
    assertEquals(PipelineFingerprint.of(a).hash(), PipelineFingerprint.of(b).hash());
    assertNotEquals(
        PipelineFingerprint.of(a).hash(), PipelineFingerprint.of(pipeline("1", "Other")).hash());
  }
}
