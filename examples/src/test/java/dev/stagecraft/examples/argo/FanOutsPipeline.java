package dev.stagecraft.examples.argo;

import dev.stagecraft.runtime.graph.Condition;
import dev.stagecraft.runtime.graph.FanOut;
import dev.stagecraft.runtime.graph.InputSpec;
import dev.stagecraft.runtime.graph.ParamSpec;
import dev.stagecraft.runtime.graph.ParamType;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.PipelineProvider;
import dev.stagecraft.runtime.graph.RetryPolicy;
import dev.stagecraft.runtime.graph.StageSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A pipeline for the exported-workflow tests (registered in META-INF/services), with what the
 * examples lack: a fan-out over a {@code List} parameter, one instance at a time, and one over an
 * upstream stage's list (both {@code withParam}), a fan-out over no items, a stage that fails its
 * first attempt (Argo's {@code retryStrategy}), an {@code Optional} input, and a condition over a
 * string parameter whose value a test makes look like an expression; {@code failRows} fails {@code
 * list_rows}.
 */
public final class FanOutsPipeline implements PipelineProvider {
  @Override
  public String name() {
    return "fan-outs";
  }

  @Override
  public String description() {
    return "Fan-outs over a parameter, an upstream list and no items; a stage that fails once";
  }

  @Override
  public PipelineDefinition definition() {
    return PipelineDefinition.builder(name())
        .description(description())
        .param(ParamSpec.optional("shards", ParamType.listOf(ParamType.STRING), "shards", "a,b,c"))
        .param(ParamSpec.optional("rows", ParamType.INT, "rows to list", "3"))
        .param(ParamSpec.optional("failRows", ParamType.BOOLEAN, "list_rows fails", "false"))
        .param(ParamSpec.optional("label", ParamType.STRING, "labelled runs when it is run", "run"))
        .stage(
            StageSpec.builder("list_rows")
                .outputType("java.util.List<java.lang.Integer>")
                .params("rows", "failRows")
                .body(
                    call -> {
                      if (call.<Boolean>param("failRows")) {
                        throw new IllegalStateException("the rows are gone");
                      }
                      return IntStream.range(0, call.<Integer>param("rows")).boxed().toList();
                    })
                .build())
        .stage(
            StageSpec.builder("perShard")
                .outputType("java.lang.String")
                .fanOut(new FanOut.FromParam("shards"))
                .parallelism(1)
                .body(call -> call.<String>item() + "!")
                .build())
        .stage(
            StageSpec.builder("perRow")
                .outputType("java.lang.Integer")
                .input(InputSpec.of("list_rows"))
                .fanOut(new FanOut.FromInput("list_rows"))
                .body(call -> call.<Integer>item() * 10)
                .build())
        .stage(
            StageSpec.builder("none")
                .outputType("java.lang.String")
                .fanOut(new FanOut.Items(List.of()))
                .body(call -> "never")
                .build())
        .stage(
            StageSpec.builder("flaky")
                .outputType("java.lang.String")
                .retry(new RetryPolicy(2, Duration.ofMillis(10)))
                .body(
                    call -> {
                      if (call.context().attempt() == 1) {
                        throw new IOException("connection reset");
                      }
                      return "ok";
                    })
                .build())
        .stage(
            StageSpec.builder("labelled")
                .outputType("java.lang.String")
                .params("label")
                .condition(
                    new Condition(
                        "label == 'run'",
                        List.of(),
                        List.of("label"),
                        scope -> scope.saw("label", scope.<String>param("label")).equals("run")))
                .body(call -> call.<String>param("label"))
                .build())
        .stage(
            StageSpec.builder("join")
                .outputType("java.lang.String")
                .input(InputSpec.of("perShard"))
                .input(InputSpec.optionalOf("perRow"))
                .input(InputSpec.of("none"))
                .input(InputSpec.of("flaky"))
                .body(
                    call ->
                        call.<List<String>>input("perShard")
                            + " "
                            + call.<List<Integer>>optionalInput("perRow").orElse(List.of())
                            + " "
                            + call.<List<String>>input("none").size()
                            + " "
                            + call.<String>input("flaky"))
                .build())
        .build();
  }
}
